import Testing

@testable import SitrepFormats

/// Publication dates from the places pages, feeds and records keep them.
struct PublicationDateTests {
    private func published(_ html: String) throws -> String? {
        try DocumentDecoder.decode(Array((html + "<p>Body text of the story.</p>").utf8), format: .html)[0]
            .published
    }

    @Test(arguments: [
        (
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-03-05T08:00:00Z\"}</script>",
            "2024-03-05T08:00:00Z"
        ),
        (
            "<script type='application/ld+json'>[{\"@type\":\"WebPage\"},{\"@graph\":[{\"@type\":\"Article\",\"datePublished\":\"2024-03-06\"}]}]</script>",
            "2024-03-06"
        ),
        (
            "<meta property=\"article:published_time\" content=\"2024-03-07T10:00:00+02:00\">",
            "2024-03-07T10:00:00+02:00"
        ),
        ("<span itemprop=\"datePublished\" content=\"2024-03-08\">8 March</span>", "2024-03-08"),
        (
            "<time itemprop=\"datePublished\" datetime=\"2024-03-09T06:00:00Z\">9 March</time>",
            "2024-03-09T06:00:00Z"
        ),
        ("<meta name=\"parsely-pub-date\" content=\"2024-03-10T00:00:00Z\">", "2024-03-10T00:00:00Z"),
        (
            "<meta name=\"parsely-page\" content='{\"title\":\"x\",\"pub_date\":\"2024-03-11T12:00:00Z\"}'>",
            "2024-03-11T12:00:00Z"
        ),
        ("<meta name=\"pubdate\" content=\"20240312\">", "2024-03-12"),
        (
            "<time datetime=\"2024-01-01\">clock</time><article><time datetime=\"2024-03-13\">13 March</time></article>",
            "2024-03-13"
        ),
        (
            "<time datetime=\"2024-01-01\">x</time><time pubdate datetime=\"2024-03-14\">14 March</time>",
            "2024-03-14"
        ),
        (
            "<time datetime=\"2024-01-01\">x</time><script type=\"application/ld+json\">{\"datePublished\":\"2024-03-15\"}</script><meta name=\"date\" content=\"2024-01-02\">",
            "2024-03-15"
        ),
    ])
    func pagesGiveTheirPublicationDate(html: String, expected: String) throws {
        #expect(try published(html) == expected)
    }

    @Test func brokenOrHugeJSONLDIsPassedOver() throws {
        #expect(try published("<script type=\"application/ld+json\">{\"datePublished\": </script>") == nil)
        let deep = String(repeating: "[", count: 100_000)
        #expect(try published("<script type=\"application/ld+json\">\(deep)</script>") == nil)
        let many = String(
            repeating: "<script type=\"application/ld+json\">{\"a\":[1,2,3]}</script>", count: 5_000)
        #expect(try published(many + "<meta name=\"date\" content=\"2024-03-16\">") == "2024-03-16")
    }

    @Test func anRSSItemWithoutADateTakesTheChannels() throws {
        let feed = """
            <rss version="2.0"><channel><title>Wire</title><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
            <item><title>One</title><description>Shelling resumed.</description></item>
            <item><title>Two</title><description>Talks ended.</description><pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate></item>
            </channel></rss>
            """
        let documents = try DocumentDecoder.decode(Array(feed.utf8), format: .feed)
        #expect(documents.map(\.published) == ["2024-03-05T10:00:00Z", "2024-03-06T09:00:00Z"])
    }

    @Test func anUnclosedChannelDateHidesNoItem() throws {
        let feed = """
            <rss><channel><lastBuildDate>2024-03-05
            <item><title>One</title><description>Shelling resumed.</description></item>
            <item><title>Two</title><description>Talks ended.</description></item></channel></rss>
            """
        let documents = try DocumentDecoder.decode(Array(feed.utf8), format: .feed)
        #expect(documents.count == 2)
    }

    @Test func malformedChannelDatesStayLinear() throws {
        let feed =
            "<rss><channel>" + String(repeating: "<pubDate><pubDate>", count: 20_000)
            + "<item><title>x</title></item>" + String(repeating: "</pubDate>", count: 20_000)
        _ = try? DocumentDecoder.decode(Array(feed.utf8), format: .feed)
    }

    @Test(arguments: [
        ("{\"text\":\"Shelling resumed.\",\"published\":1709632800}", "2024-03-05T10:00:00Z"),
        ("{\"text\":\"Shelling resumed.\",\"published\":1709632800000}", "2024-03-05T10:00:00Z"),
        ("{\"text\":\"Shelling resumed.\",\"date\":\"1709632800\"}", "2024-03-05T10:00:00Z"),
        ("{\"text\":\"Shelling resumed.\",\"published\":-1}", nil),
    ])
    func numericEpochsAreDates(json: String, expected: String?) throws {
        #expect(try DocumentDecoder.decode(Array(json.utf8), format: .json)[0].published == expected)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (1_709_632_800, "2024-03-05T10:00:00Z"), (-86_400, "1969-12-31T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ])
    func epochSecondsBecomeRFC3339(seconds: Int64, expected: String) {
        #expect(DateNormalizer.rfc3339(epochSeconds: seconds) == expected)
    }

    @Test func theNoteForAnUnrecognisedDateNamesTheRecord() throws {
        let lines =
            "{\"text\":\"One.\",\"published\":\"2024-03-05\"}\n{\"text\":\"Two.\",\"published\":\"soon\"}\n"
        let documents = try DocumentDecoder.decode(Array(lines.utf8), format: .jsonLines)
        #expect(documents[1].reportedNotes == ["record 1: unrecognised publication date \"soon\""])
    }

    @Test func plainFilesTakeAGivenDateElseTheirModificationDay() {
        var document = Document(text: "x")
        document.supplyPublished(given: "2024-03-05", modified: 1_767_225_600, format: .text)
        #expect(document.published == "2024-03-05" && document.publishedSource == .option)
        document = Document(text: "x")
        document.supplyPublished(given: nil, modified: 1_767_225_600, format: .markdown)
        #expect(document.published == "2026-01-01" && document.publishedSource == .fileModified)
        document = Document(text: "x", published: "2020-01-01")
        document.supplyPublished(given: "2024-03-05", modified: 1_767_225_600, format: .text)
        #expect(document.published == "2020-01-01" && document.publishedSource == nil)
        document = Document(text: "x")
        document.supplyPublished(given: nil, modified: 1_767_225_600, format: .html)
        #expect(document.published == nil)
    }
}
