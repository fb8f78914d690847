import Foundation
import SitrepFormats
import Testing

@testable import SitrepExtraction

/// What the record says about its document beyond the events: the language, the date's source,
/// and numbers a reader can take as they are.
struct InputNoticeTests {
    @Test(arguments: [
        (0.5700000000000001, "0.57"), (0.95, "0.95"), (0.6649999, "0.66"), (0.5, "0.5"),
    ])
    func confidenceIsWrittenWithTwoDecimals(value: Double, written: String) {
        let event = Event(
            id: "e", doc: DocumentReference(id: "d", sha256: "s"), type: .protest, confidence: value)
        #expect(event.jsonLine().hasSuffix("\"confidence\":\(written)}"), "\(event.jsonLine())")
    }

    @Test func mergedMentionsKeepARoundConfidence() {
        let text = """
            Gunmen attacked a police checkpoint in Mosul on Monday. The gunmen attacked the checkpoint \
            in Mosul again, witnesses said. Gunmen attacked the police checkpoint in Mosul a third time.
            """
        for event in Shared.events(text, published: "2021-03-03") {
            let confidence = event.confidence ?? 0
            #expect(abs(confidence * 100 - (confidence * 100).rounded()) < 1e-9, "\(confidence)")
        }
    }

    @Test(arguments: [
        (
            "Gunmen attacked a police checkpoint south of Mosul on Monday, killing three police officers.",
            "en"
        ),
        (
            "Bewaffnete haben am Montag einen Polizeiposten in der Nähe von Mossul angegriffen und drei Polizisten getötet.",
            "de"
        ),
        (
            "Des hommes armés ont attaqué un poste de police près de Mossoul lundi, tuant trois policiers, selon les autorités.",
            "fr"
        ),
        (
            "Hombres armados atacaron el lunes un puesto de policía cerca de Mosul y mataron a tres agentes, según las autoridades.",
            "es"
        ),
        (
            "Вооруженные люди напали на полицейский пост недалеко от Мосула в понедельник и убили трех полицейских, сообщили власти.",
            "ru"
        ),
        ("武装分子周一袭击了摩苏尔附近的一个警察检查站，打死三名警察。目击者说，袭击持续了一个小时。当局说，他们正在调查。", nil as String?),
        ("Too short.", nil),
    ])
    func theLanguageOfADocumentIsTold(text: String, language: String?) {
        #expect(Shared.extractor.language(of: Document(text: text)) == language)
    }

    @Test func recordsNameTheLanguageAndWhereTheDateCameFrom() {
        var document = Document(
            text:
                "Gunmen attacked a police checkpoint south of Mosul on Monday, killing three police officers."
        )
        document.supplyPublished(given: nil, modified: 1_767_225_600, format: .text)
        let event = Shared.extractor.extract(document).first
        #expect(event?.doc.language == "en")
        #expect(event?.doc.publishedSource == "file_mtime")
        #expect(
            event?.jsonLine().contains("\"published\":\"2026-01-01\",\"published_source\":\"file_mtime\"")
                == true)
    }

    @Test func aDataDirectoryMustBeADirectoryOfKnownFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "word\tboilerplate\n".write(
            to: root.appendingPathComponent("page-classes.tsv"), atomically: true, encoding: .utf8)
        try "notes\n".write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        _ = try Extractor.load(dataDirectory: root)
        let file = root.appendingPathComponent("page-classes.tsv")
        #expect(throws: DataError.self) { try Extractor.load(dataDirectory: file) }
        #expect(throws: DataError.self) {
            try Extractor.load(dataDirectory: root.appendingPathComponent("missing"))
        }
        try "x\ty\n".write(to: root.appendingPathComponent("trigers.tsv"), atomically: true, encoding: .utf8)
        do {
            _ = try Extractor.load(dataDirectory: root)
            Issue.record("a misnamed table must be an error")
        } catch let error as DataError {
            #expect(error.code == .unknownFile)
            #expect(error.context.hasSuffix("trigers.tsv"))
        }
        try "x\tsometimes\n".write(
            to: root.appendingPathComponent("trigers.tsv"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appendingPathComponent("trigers.tsv"))
        try "x\tsometimes\n".write(
            to: root.appendingPathComponent("page-classes.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: DataError.self) { try Extractor.load(dataDirectory: root) }
    }
}
