import Testing

@testable import SitrepDaemon

struct InboxEntryTests {
    @Test(arguments: [
        ("article.txt", InboxEntry.document(.text)),
        ("Article.HTML", .document(.html)),
        ("page.htm", .document(.html)),
        ("notes.md", .document(.markdown)),
        ("one.json", .document(.json)),
        ("feed.xml", .document(.feed)),
        ("wire.jsonl", .stream),
        ("wire.ndjson", .stream),
        (".hidden.txt", .ignored),
        ("article.txt.tmp", .ignored),
        ("article.txt.part", .ignored),
        ("article.txt~", .ignored),
    ])
    func classifiesNames(name: String, expected: InboxEntry) {
        #expect(InboxEntry(name: name) == expected)
    }

    @Test(arguments: ["photo.jpg", "archive.tar.gz", "README", "report.pdf"])
    func unknownTypesAreRejectedWithAReason(name: String) {
        guard case .unsupported(let reason) = InboxEntry(name: name) else {
            Issue.record("\(name) should be unsupported")
            return
        }
        #expect(reason.contains("unsupported file type"))
    }
}
