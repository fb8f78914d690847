import Foundation
import Testing

/// Input that real users drop on `sitrep extract`: web pages, binary files, other languages, files
/// without a date, data directories with mistakes.
struct InputFormatTests {
    private let cli = CommandLineTests()

    private func events(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    private func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aNewsPageGivesEventsOfItsArticleOnly() throws {
        let sandbox = Sandbox()
        let page = sandbox.root + "/flood.html"
        try write(NewsPage.floodReport, page)
        let outcome = try cli.run(["extract", page])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let found = try events(outcome.standardOutput)
        let sentences = found.compactMap { $0["sentence"] as? String }
        for furniture in ["cookies", "BREAKING", "Mosul", "Nairobi", "shelled", "ceasefire", "2019"] {
            #expect(!sentences.contains { $0.contains(furniture) }, "\(furniture): \(sentences)")
        }
        #expect(!found.contains { $0["type"] as? String == "AGREE" }, "\(sentences)")
        // Two list items are two sentences, never one.
        #expect(!sentences.contains { $0.contains("overnight") && $0.contains("farmers") }, "\(sentences)")
        #expect(sentences.contains { $0.contains("farmers protested") }, "\(sentences)")
        let doc = try #require(found.first?["doc"] as? [String: Any])
        #expect(doc["published"] as? String == "2026-02-11T07:30:00+01:00")
    }

    @Test(arguments: [
        ("report.pdf", Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)),
        (
            "report.docx",
            [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8)
        ),
        ("report", Array("%PDF-1.4\nstream".utf8)),
        ("report.odt", Array("Police arrested forty protesters.".utf8)),
    ])
    func binaryAndUnknownFormatsAreRefusedAsTheDaemonRefusesThem(name: String, bytes: [UInt8]) throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let outcome = try cli.run(["extract", path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("unsupported file type"), "\(outcome.standardError)")
    }

    @Test func aPDFOnStandardInputIsRefused() throws {
        let outcome = try cli.run(["extract", "-"], input: "%PDF-1.5\n" + Fixtures.bombing)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("PDF"), "\(outcome.standardError)")
    }

    @Test func textThatIsNotEnglishGetsANoticeAndItsLanguage() throws {
        let german = """
            Bewaffnete haben am Montag einen Polizeiposten in der Nähe von Mossul angegriffen. Dabei wurden \
            drei Polizisten getötet und fünf weitere verletzt, wie die Behörden mitteilten.
            """
        let outcome = try cli.run(["extract", "--format", "text", "-"], input: german)
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("reads as de, not English"), "\(outcome.standardError)")
        let english = try cli.run(["extract", "-"], input: Fixtures.attack)
        #expect(!english.standardError.contains("not English"), "\(english.standardError)")
        let doc = try #require(try events(english.standardOutput).first?["doc"] as? [String: Any])
        #expect(doc["language"] as? String == "en")
    }

    @Test func aPlainFileTakesThePublishedOptionElseItsModificationDay() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/story.txt"
        let text =
            "Gunmen attacked a police checkpoint south of Mosul on Monday, killing three police officers."
        try write(text, path)
        let modified = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)

        let given = try cli.run(["extract", "--published", "2025-06-02", path])
        #expect(given.status == 0, "\(given.standardError)")
        let givenDoc = try #require(try events(given.standardOutput).first?["doc"] as? [String: Any])
        #expect(givenDoc["published"] as? String == "2025-06-02")
        #expect(givenDoc["published_source"] as? String == "option")

        let fallback = try cli.run(["extract", path])
        let fallbackEvent = try #require(try events(fallback.standardOutput).first)
        let fallbackDoc = try #require(fallbackEvent["doc"] as? [String: Any])
        #expect(fallbackDoc["published"] as? String == "2026-01-01")
        #expect(fallbackDoc["published_source"] as? String == "file_mtime")
        // "on Monday" is read against that day: the Monday before 1 January 2026.
        #expect(fallbackEvent["date"] as? String == "2025-12-29")

        let bad = try cli.run(["extract", "--published", "soon", path])
        #expect(bad.status == 2)
    }

    @Test func aDatelineWinsOverTheModificationTimeForRelativeDates() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/dated.txt"
        try write(Fixtures.attack, path)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_767_225_600)], ofItemAtPath: path)
        let outcome = try cli.run(["extract", path])
        let event = try #require(try events(outcome.standardOutput).first)
        // The dateline says 3 March 2021 (a Wednesday): "on Monday" is 1 March 2021.
        #expect(event["date"] as? String == "2021-03-01", "\(event)")
    }

    @Test func aDataDirectoryThatIsMissingAFileOrMisnamedIsAnError() throws {
        let sandbox = Sandbox()
        let file = sandbox.root + "/data-file"
        try write("x", file)
        let misnamed = sandbox.root + "/data"
        try FileManager.default.createDirectory(atPath: misnamed, withIntermediateDirectories: true)
        try write("attacked\tattack\tx\n", misnamed + "/trigger.tsv")
        for (directory, words) in [
            (sandbox.root + "/no-such-dir", "no such data directory"), (file, "is a file"),
            (misnamed, "trigger.tsv"),
        ] {
            let extract = try cli.run(["extract", "--data-dir", directory, "-"], input: Fixtures.bombing)
            #expect(extract.status == 2, "\(directory)")
            #expect(extract.standardError.contains(words), "\(extract.standardError)")
            let run = try cli.run([
                "run", "--data-dir", directory, "--inbox", sandbox.inbox, "--state", sandbox.state, "--log",
                sandbox.log,
            ])
            #expect(run.status == 2, "\(directory)")
            #expect(run.standardError.contains(words), "\(run.standardError)")
        }
    }

    @Test func utf16FilesAreDecoded() throws {
        let sandbox = Sandbox()
        for (name, bom, littleEndian) in [
            ("le.txt", [UInt8(0xFF), 0xFE], true), ("be.txt", [0xFE, 0xFF], false),
        ] {
            let path = sandbox.root + "/" + name
            var bytes = bom
            for unit in Fixtures.bombing.utf16 {
                let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                bytes += littleEndian ? pair : pair.reversed()
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let outcome = try cli.run(["extract", path])
            #expect(outcome.status == 0)
            let sentences = try events(outcome.standardOutput).compactMap { $0["sentence"] as? String }
            #expect(
                sentences.contains { $0.contains("car bomb exploded") }, "\(name): \(outcome.standardError)")
        }
    }
}
