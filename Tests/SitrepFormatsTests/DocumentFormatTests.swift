import Testing

@testable import SitrepFormats

struct DocumentFormatTests {
    @Test(arguments: [
        ("a.txt", DocumentFormat.text), ("A.TEXT", .text), ("notes.md", .markdown), ("x.Markdown", .markdown),
        ("page.html", .html), ("page.HTM", .html), ("one.json", .json), ("s.jsonl", .jsonLines),
        ("s.ndjson", .jsonLines), ("feed.xml", .feed), ("feed.rss", .feed), ("feed.atom", .feed),
        ("dir.v2/file.txt", .text),
    ])
    func fileNamesMapToFormats(name: String, expected: DocumentFormat) {
        #expect(DocumentFormat(fileName: name) == expected)
    }

    @Test(arguments: ["README", "a.pdf", "archive.tar.gz", "a.txt.swp", "a.", ".txt", "dir/.md", "json"])
    func unknownFileNamesHaveNoFormat(name: String) {
        #expect(DocumentFormat(fileName: name) == nil)
    }

    @Test func onlyJSONLinesIsAStream() {
        #expect(DocumentFormat.allCases.filter(\.isStream) == [.jsonLines])
    }

    @Test(arguments: [
        ("{\"text\": \"a\"}", DocumentFormat.json),
        ("  \n{\n  \"text\": \"a {b}\",\n  \"id\": 1\n}\n", .json),
        ("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", .jsonLines),
        ("{\"text\": \"a\"}\n\n{\"text\": \"b\"}", .jsonLines),
        ("[{\"text\": \"a\"}]", .json),
        ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>", .feed),
        ("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", .feed),
        ("<rdf:RDF></rdf:RDF>", .feed),
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", .html),
        ("<p>fragment</p>", .html),
        ("Plain words.", .text),
        ("# Heading\n\nBody", .text),
        ("", .text),
        ("   \n ", .text),
    ])
    func sniffingGuessesFormatFromContent(content: String, expected: DocumentFormat) {
        #expect(DocumentFormat.sniff(Array(content.utf8)) == expected)
    }

    @Test func sniffingSkipsAByteOrderMark() {
        #expect(DocumentFormat.sniff([0xEF, 0xBB, 0xBF] + Array("{\"text\":\"a\"}".utf8)) == .json)
    }
}
