import Testing

@testable import SitrepFormats

struct JSONLinesDecodingTests {
    @Test func everyLineBecomesARecordWithItsByteOffset() throws {
        let first = #"{"id": "a1", "text": "Troops crossed the river.", "title": "Crossing"}"#
        let second = #"{"id": 7, "content": "Talks resumed in the capital.", "date": "2024-03-05"}"#
        let input = Array((first + "\n\n" + second).utf8)
        let documents = try DocumentDecoder.decode(input, format: .jsonLines)
        #expect(documents.count == 2)
        #expect(documents[0].text == "Troops crossed the river.")
        #expect(documents[0].id == "a1")
        #expect(documents[0].title == "Crossing")
        #expect(documents[0].record == 0)
        #expect(documents[0].offset == 0)
        #expect(documents[1].id == "7")
        #expect(documents[1].published == "2024-03-05")
        #expect(documents[1].record == 2)
        #expect(documents[1].offset == first.utf8.count + 2)
    }

    @Test func badLinesBecomeNotesAndGoodLinesSurvive() throws {
        let lines = [
            #"{"text": "Protesters gathered outside parliament."}"#,
            #"{"text": "unterminated"#,
            #"{"title": "no text here"}"#,
            #"[1, 2]"#,
            #"{"text": "Police dispersed the crowd."}"#,
        ]
        let input = Array(lines.joined(separator: "\n").utf8)
        let documents = try DocumentDecoder.decode(input, format: .jsonLines)
        #expect(
            documents.map(\.text) == [
                "Protesters gathered outside parliament.", "Police dispersed the crowd.",
            ])
        #expect(documents.map(\.record) == [0, 4])
        let notes = documents[1].notes
        #expect(notes.count == 3)
        let secondOffset = lines[0].utf8.count + 1
        #expect(notes[0].hasPrefix("record 1 at byte \(secondOffset): invalidJSON: "))
        #expect(notes[1].hasPrefix("record 2 at byte "))
        #expect(notes[1].contains("missingText"))
        #expect(notes[2].contains("notAnObject"))
    }

    @Test func aFileWithoutAnyUsableLineThrows() {
        let input = Array("{\"text\": 5}\nnot json\n".utf8)
        #expect(throws: DecodeError.self) { try DocumentDecoder.decode(input, format: .jsonLines) }
        do {
            _ = try DocumentDecoder.decode(input, format: .jsonLines)
        } catch {
            #expect(error.code == .missingText)
            #expect(error.message.contains("record 0 at byte 0"))
        }
    }

    @Test func anEmptyFileThrowsEmpty() {
        do {
            _ = try DocumentDecoder.decode(Array("\n  \n".utf8), format: .jsonLines)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .empty)
        }
    }

    @Test(arguments: [
        (#"{"text": 12}"#, DecodeError.Code.missingText),
        (#"{"id": "x"}"#, .missingText),
        (#"{"text": "   "}"#, .missingText),
        (#""just a string""#, .notAnObject),
        (#"{"text": "a",}"#, .invalidJSON),
        (#"{"text": "a"} trailing"#, .invalidJSON),
        ("", .empty),
    ])
    func recordErrorsCarryCodeAndContext(line: String, code: DecodeError.Code) {
        do {
            _ = try DocumentDecoder.decodeRecord(Array(line.utf8)[...], record: 4, offset: 120)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.message.hasPrefix("record 4 at byte 120: "))
            #expect(error.description.hasPrefix("\(code.rawValue): record 4"))
        }
    }

    @Test func aRecordKeepsItsPositionAndMetadata() throws {
        let line =
            #"{"id": 12345678901, "headline": "Ceasefire", "body": "A ceasefire began.", "link": "https://example.org/a", "published_at": "2024-03-05T06:30:00Z"}"#
        let document = try DocumentDecoder.decodeRecord(Array(line.utf8)[...], record: 3, offset: 999)
        #expect(
            document
                == Document(
                    text: "A ceasefire began.", id: "12345678901", title: "Ceasefire",
                    url: "https://example.org/a",
                    published: "2024-03-05T06:30:00Z", record: 3, offset: 999))
    }

    @Test func aRecordWithWindowsLineEndIsAccepted() throws {
        let document = try DocumentDecoder.decodeRecord(
            Array("{\"text\": \"Shelling hit the port.\"}\r".utf8)[...], record: 0, offset: 0)
        #expect(document.text == "Shelling hit the port.")
    }
}
