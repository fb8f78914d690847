import Testing

@testable import SitrepFormats

struct FeedDecodingTests {
    private func decode(_ xml: String) throws(DecodeError) -> [Document] {
        try DocumentDecoder.decode(Array(xml.utf8), format: .feed)
    }

    @Test func rssItemsBecomeDocuments() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Channel title</title><link>https://example.org/</link>
            <item>
              <title>Strike on depot</title>
              <link>https://example.org/1</link>
              <description><![CDATA[<p>An air strike hit a <b>fuel depot</b>.</p><p>Three died.</p>]]></description>
              <pubDate>Tue, 05 Mar 2024 10:15:00 GMT</pubDate>
              <guid isPermaLink="false">item-1</guid>
            </item>
            <item>
              <title>Talks &amp; truce</title>
              <description>Short &lt;b&gt;summary&lt;/b&gt; only.</description>
              <content:encoded><![CDATA[<div>The full story: envoys met in the capital.</div>]]></content:encoded>
              <pubDate>Wed, 6 Mar 2024 08:00:00 +0200</pubDate>
            </item>
            <item><title>Headline only</title></item>
            </channel></rss>
            """
        let documents = try decode(xml)
        #expect(documents.count == 3)
        #expect(documents[0].text == "An air strike hit a fuel depot.\n\nThree died.")
        #expect(documents[0].title == "Strike on depot")
        #expect(documents[0].url == "https://example.org/1")
        #expect(documents[0].published == "2024-03-05T10:15:00Z")
        #expect(documents[0].id == "item-1")
        #expect(documents[0].record == 0)
        #expect(documents[1].text == "The full story: envoys met in the capital.")
        #expect(documents[1].title == "Talks & truce")
        #expect(documents[1].published == "2024-03-06T08:00:00+02:00")
        #expect(documents[1].record == 1)
        #expect(documents[2].text == "Headline only")
        #expect(documents[2].record == 2)
    }

    @Test func escapedHTMLInDescriptionIsConverted() throws {
        let xml =
            "<rss><channel><item><description>&lt;p&gt;Tanks &amp;amp; troops&lt;/p&gt;&lt;p&gt;moved.&lt;/p&gt;</description></item></channel></rss>"
        #expect(try decode(xml).map(\.text) == ["Tanks & troops\n\nmoved."])
    }

    @Test func atomEntriesBecomeDocuments() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Feed</title><id>urn:feed</id>
              <entry>
                <title type="html">Protest &lt;em&gt;in&lt;/em&gt; square</title>
                <link rel="self" href="https://example.org/self/1"/>
                <link rel="alternate" href="https://example.org/a/1"/>
                <id>urn:uuid:1</id>
                <published>2024-03-05T09:00:00Z</published>
                <updated>2024-03-06T09:00:00Z</updated>
                <summary>Summary text.</summary>
                <content type="html"><![CDATA[<p>Thousands marched.</p>]]></content>
              </entry>
              <entry>
                <title>Second</title>
                <link href="https://example.org/a/2"/>
                <updated>2024-03-07</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Police <b>arrested</b> ten.</p></div></content>
              </entry>
            </feed>
            """
        let documents = try decode(xml)
        #expect(documents.count == 2)
        #expect(documents[0].text == "Thousands marched.")
        #expect(documents[0].title == "Protest in square")
        #expect(documents[0].url == "https://example.org/a/1")
        #expect(documents[0].id == "urn:uuid:1")
        #expect(documents[0].published == "2024-03-05T09:00:00Z")
        #expect(documents[1].text == "Police arrested ten.")
        #expect(documents[1].url == "https://example.org/a/2")
        #expect(documents[1].published == "2024-03-07")
    }

    @Test func rdfFeedsAreRead() throws {
        let xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <item rdf:about="https://example.org/r"><title>T</title><description>Aid arrived.</description>
            <dc:date>2024-01-02</dc:date></item></rdf:RDF>
            """
        let documents = try decode(xml)
        #expect(documents.map(\.text) == ["Aid arrived."])
        #expect(documents.first?.published == "2024-01-02")
    }

    @Test(arguments: [
        ("<html><body><p>not a feed</p></body></html>", DecodeError.Code.invalidFeed),
        ("plain text", .invalidFeed),
        ("", .invalidFeed),
        ("<rss><channel><title>No items</title></channel></rss>", .empty),
        ("<rss><channel><item><link>https://x</link></item></channel></rss>", .invalidFeed),
    ])
    func nonFeedsAndEmptyFeedsThrow(xml: String, code: DecodeError.Code) {
        do {
            _ = try decode(xml)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }

    @Test(arguments: [
        "<rss><channel><item><title>Cut off</title><description>Text that never ends",
        "<rss><channel><item><title>A</title><description><![CDATA[<p>unterminated cdata",
        "<rss><channel><item><title>A</title></item><item><title>B</title><description>x</description>",
        "<rss><item><title a=\"unclosed>T</title><description>d</description></item></rss>",
        "<rss><!-- comment <item> --><item><title>T</title><description>d</description></item></rss>",
        "<!DOCTYPE rss [<!ENTITY x \"<item>\">]><rss><item><title>T</title><description>d</description></item></rss>",
    ])
    func malformedFeedsNeitherCrashNorHang(xml: String) {
        let result = try? decode(xml)
        #expect(result == nil || result?.isEmpty == false)
    }

    @Test func truncatedFeedKeepsCompleteItems() throws {
        let xml =
            "<rss><channel><item><title>A</title><description>First.</description></item><item><title>B</title><description>Second"
        let documents = try decode(xml)
        #expect(documents.first?.text == "First.")
    }

    @Test func deeplyNestedFeedIsLinear() throws {
        let depth = 10_000
        let nested = String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
        let divs =
            String(repeating: "<div>", count: depth) + "item." + String(repeating: "</div>", count: depth)
        let xml =
            "<rss><channel>\(nested)<item><description>Deep \(divs)</description></item></channel></rss>"
        let texts = try decode(xml).map(\.text)
        let expected = ["Deep\n\nitem."]
        #expect(texts == expected, "first text has \(texts.first?.count ?? 0) characters")
        let unclosed = "<rss>" + String(repeating: "<item><description>", count: depth)
        #expect((try? decode(unclosed)) == nil)
    }
}
