import Testing

@testable import SitrepFormats

/// Web pages reduced to their article: furniture (banners, navigation, tickers, lists of links,
/// footers) is not text to read events from.
struct MainContentTests {
    private func text(_ html: String, vocabulary: PageVocabulary = PageVocabulary()) throws -> String {
        try DocumentDecoder.decode(Array(html.utf8), format: .html, vocabulary: vocabulary)[0].text
    }

    static let page = """
        <html><head><title>Floods</title></head><body>
        <div class="cookie-banner"><p>By continuing to browse you agree to our use of cookies.</p></div>
        <header><a href="/">Courier</a><nav><a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
        <div class="ticker">BREAKING: Rebels attacked an army base in the north</div>
        <article><h1>Floods cut off villages</h1>
        <p>Floodwaters rose across the delta on Tuesday, cutting off dozens of villages, officials said.</p>
        <ul><li>Soldiers evacuated hundreds of residents from the flooded districts by boat overnight</li>
        <li>Hundreds of farmers protested outside the office of the governor demanding compensation</li></ul>
        <aside><h2>Related</h2><a href="/a">Gunmen attacked a police post near Mosul</a></aside>
        <ul class="links"><li><a href="/b">Police arrested forty protesters in Nairobi</a></li></ul>
        <p>More rain is forecast.</p></article>
        <section><h2>Most read</h2><ol><li><a href="/c">Troops shelled rebel positions</a></li></ol></section>
        <footer>All rights reserved.</footer></body></html>
        """

    @Test func theArticleIsKeptAndTheFurnitureDropped() throws {
        let text = try text(Self.page)
        #expect(
            text == """
                Floods cut off villages

                Floodwaters rose across the delta on Tuesday, cutting off dozens of villages, officials said.

                Soldiers evacuated hundreds of residents from the flooded districts by boat overnight

                Hundreds of farmers protested outside the office of the governor demanding compensation

                More rain is forecast.
                """)
    }

    @Test func withoutAnArticleElementTheDensestBlockIsTheBody() throws {
        let html = """
            <body><div id="top"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></div>
            <div class="c-consent">You agree to our use of cookies when you go on.</div>
            <div id="story"><p>Fighting broke out on Monday near the border, residents said, and lasted until dawn.</p>
            <p>Two soldiers were killed and four wounded, the army said in a statement on Tuesday.</p></div>
            <div><ul><li><a href="/1">Other story one</a></li><li><a href="/2">Other story two</a></li></ul></div>
            <div>Contact us</div></body>
            """
        let vocabulary = PageVocabulary(["consent": .boilerplate])
        #expect(
            try text(html, vocabulary: vocabulary) == """
                Fighting broke out on Monday near the border, residents said, and lasted until dawn.

                Two soldiers were killed and four wounded, the army said in a statement on Tuesday.
                """)
    }

    @Test func classWordsMarkFurnitureInsideTheArticle() throws {
        let html = """
            <article><p>Protesters gathered in the square on Friday to demand the release of prisoners.</p>
            <div class="mostRead">Rebels seized a town</div><div class="related_stories">Troops shelled a city</div>
            <div class="share-bar">Share this story</div></article>
            """
        let vocabulary = PageVocabulary([
            "mostread": .boilerplate, "related": .boilerplate, "share": .boilerplate,
        ])
        #expect(
            try text(html, vocabulary: vocabulary)
                == "Protesters gathered in the square on Friday to demand the release of prisoners.")
        // Without the words, only the structure counts: the boxes stay.
        #expect(try text(html).contains("Rebels seized a town"))
    }

    @Test func aWrapperNamedLikeFurnitureDoesNotLoseThePage() throws {
        let html = """
            <div class="layout-with-sidebar"><p>Gunmen attacked a convoy on the main road, killing four people.</p>
            <p>Officials blamed an armed group for the attack on the convoy.</p></div>
            """
        let vocabulary = PageVocabulary(["sidebar": .boilerplate])
        #expect(try text(html, vocabulary: vocabulary).hasPrefix("Gunmen attacked a convoy"))
    }

    @Test func hiddenElementsAndLandmarkRolesAreFurniture() throws {
        let html = """
            <div role="banner">Site name</div><div hidden>Hidden text</div><p style="display: none">Invisible</p>
            <div role="main"><p>The ministry said talks would resume in March after a pause of two months.</p></div>
            <div role="contentinfo">Imprint</div>
            """
        #expect(
            try text(html) == "The ministry said talks would resume in March after a pause of two months.")
    }

    @Test func fragmentsKeepAllTheirText() throws {
        var notes: [String] = []
        let page = HTMLConverter.convert(Array("<nav>Menu</nav><p>Body</p>".utf8), notes: &notes)
        #expect(page.text == "Menu\n\nBody")
    }

    @Test func deeplyNestedAndUnclosedPagesStayLinear() throws {
        let depth = 50_000
        let nested =
            String(repeating: "<div class=\"a-b c\">", count: depth) + "Deep text"
            + String(repeating: "</div>", count: depth)
        #expect(try text(nested, vocabulary: PageVocabulary(["ad": .boilerplate])) == "Deep text")
        let unclosed = String(repeating: "<section><li><a href=x>", count: depth) + "End"
        // All of it is link text; what matters is that it ends, in linear time.
        _ = try? text(unclosed)
        let closes =
            "<p>Start of the story with enough words to count as prose here.</p>"
            + String(repeating: "</div></span></li>", count: depth)
        #expect(try text(closes).hasPrefix("Start"))
    }

    @Test(arguments: [
        ("c-cookie-banner", PageVocabulary.Kind.boilerplate), ("mostRead", .boilerplate),
        ("most_read box", .boilerplate), ("article-body", .content), ("cookieless", nil), ("header", nil),
    ])
    func classWordsAreMatchedByPart(value: String, kind: PageVocabulary.Kind?) {
        let vocabulary = PageVocabulary([
            "cookie": .boilerplate, "mostread": .boilerplate, "articlebody": .content,
        ])
        #expect(vocabulary.classify(value) == kind)
    }
}
