import Testing

@testable import SitrepFormats

struct HTMLConversionTests {
    private func decode(_ html: String) throws(DecodeError) -> Document {
        let documents = try DocumentDecoder.decode(Array(html.utf8), format: .html)
        #expect(documents.count == 1)
        return documents[0]
    }

    @Test func scriptsStylesAndHeadAreDropped() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Clashes in the north</title>
            <style>p { color: red; }</style><script>var x = "<p>not text</p>";</script></head>
            <body><noscript>Enable JS</noscript><template><p>hidden</p></template>
            <!-- a comment <p>with markup</p> -->
            <p>Fighting broke out on Monday.</p><script type="text/javascript">if (a < b) { c(); }</script>
            <p>Two soldiers were killed.</p></body></html>
            """
        let document = try decode(html)
        #expect(document.text == "Fighting broke out on Monday.\n\nTwo soldiers were killed.")
        #expect(document.title == "Clashes in the north")
    }

    @Test(arguments: [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<div>One<div>Two</div></div>", "One\n\nTwo"),
        ("<h1>Head</h1>Body", "Head\n\nBody"),
        ("Line one<br>Line two<br/>three", "Line one\nLine two\nthree"),
        ("<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"),
        ("<ul><li>first<li>second</ul>", "first\n\nsecond"),
        ("<p>  spread\n   over\tlines  </p>", "spread over lines"),
        ("<p>a<b>bold</b>c <i>it</i></p>", "aboldc it"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"),
        ("<blockquote>Quoted</blockquote><section>Next</section>", "Quoted\n\nNext"),
        (
            "<p>Tom &amp; Jerry&nbsp;met &lt;here&gt; &#8211; it&#x2019;s &ldquo;fine&rdquo;</p>",
            "Tom & Jerry met <here> – it’s “fine”"
        ),
    ])
    func blocksBecomeParagraphsAndInlineTextFlows(html: String, expected: String) throws {
        #expect(try decode(html).text == expected)
    }

    @Test func metadataComesFromMetaLinkAndTime() throws {
        let html = """
            <html><head><title>Page &amp; title</title>
            <meta property="og:url" content="https://example.org/og">
            <link rel="canonical" href="https://example.org/canonical">
            <meta property="article:published_time" content="2024-03-05T08:00:00+01:00">
            </head><body><article><p>Body text.</p></article></body></html>
            """
        let document = try decode(html)
        #expect(document.title == "Page & title")
        #expect(document.url == "https://example.org/canonical")
        #expect(document.published == "2024-03-05T08:00:00+01:00")
    }

    @Test func timeElementAndOpenGraphAreFallbacks() throws {
        let html = """
            <meta property="og:url" content="https://example.org/og"><meta property="og:title" content="OG title">
            <p>Posted <time datetime="2023-11-02">2 Nov</time>: shelling resumed.</p>
            """
        let document = try decode(html)
        #expect(document.url == "https://example.org/og")
        #expect(document.title == "OG title")
        #expect(document.published == "2023-11-02")
        #expect(document.text == "Posted 2 Nov: shelling resumed.")
    }

    @Test(arguments: [
        ("<p>a < b and c > d</p>", "a < b and c > d"),
        ("<p>unclosed <b>bold <i>italic", "unclosed bold italic"),
        ("<a href=\"x>y\" title='a>b'>link</a> after", "link after"),
        ("<p>Text</p><!-- never closed <p>gone</p>", "Text"),
        ("<p>Text</p><script>never closed", "Text"),
        ("<p>Text <img src=\"a.png", "Text"),
        ("<p>x</p><a href=\"one>two", "x\n\ntwo"),
        ("1 <2 and 3<>4 </ 5", "1 <2 and 3<>4 </ 5"),
        ("<P>Upper</P><BR>Case", "Upper\n\nCase"),
        ("<title>Unclosed title<p>Body</p>", "Body"),
    ])
    func malformedMarkupIsRecovered(html: String, expected: String) throws {
        #expect(try decode(html).text == expected)
    }

    @Test func deepNestingIsLinearAndSafe() throws {
        let depth = 10_000
        let html =
            String(repeating: "<div>", count: depth) + "Deep text" + String(repeating: "</div>", count: depth)
        #expect(try decode(html).text == "Deep text")
        let unclosed = String(repeating: "<div><span><p>", count: depth) + "End"
        #expect(try decode(unclosed).text == "End")
    }

    @Test func manyUnterminatedQuotesStayLinear() throws {
        let html = "<p>start</p>" + String(repeating: "<a href=\"x>text ", count: 20_000)
        let document = try decode(html)
        #expect(document.text.hasPrefix("start"))
    }

    @Test func aPageWithoutTextThrowsEmpty() {
        do {
            _ = try decode(
                "<html><head><title>Only a title</title></head><body><script>x()</script></body></html>")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .empty)
        }
    }

    @Test(arguments: [
        ("<p>Hello</p>", true), ("Hello<br/>there", true), ("a <b>bold</b> move", true),
        ("x < y > z", false), ("use <angle> brackets", false), ("plain", false), ("</div>", true),
    ])
    func markupIsRecognised(text: String, isHTML: Bool) {
        #expect(HTMLConverter.looksLikeHTML(Array(text.utf8)[...]) == isHTML)
    }
}
