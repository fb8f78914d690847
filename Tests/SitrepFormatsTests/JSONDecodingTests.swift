import Testing

@testable import SitrepFormats

struct JSONDecodingTests {
    private func decode(_ json: String) throws(DecodeError) -> [Document] {
        try DocumentDecoder.decode(Array(json.utf8), format: .json)
    }

    @Test(arguments: [
        (#"{"text": "From text."}"#, "From text."),
        (#"{"content": "From content."}"#, "From content."),
        (#"{"body": "From body."}"#, "From body."),
        (#"{"article": "From article."}"#, "From article."),
        (#"{"description": "From description."}"#, "From description."),
        (#"{"description": "Second.", "text": "First."}"#, "First."),
        (#"{"text": "", "body": "Non-empty wins."}"#, "Non-empty wins."),
        (#"{"content": {"rendered": "<p>Rendered.</p>"}}"#, "Rendered."),
        (#"{"text": "Line one\nLine two \u00e9 \ud83d\ude00"}"#, "Line one\nLine two é 😀"),
        (#"{"text": "Bad \ud800 surrogate"}"#, "Bad \u{FFFD} surrogate"),
        (
            #"{"text": "<p>Rebels <b>seized</b> the town.</p><p>Residents fled.</p>"}"#,
            "Rebels seized the town.\n\nResidents fled."
        ),
        (#"{"text": "Prices &amp; wages rose; 3 < 4."}"#, "Prices & wages rose; 3 < 4."),
    ])
    func textComesFromTheFirstUsableField(json: String, expected: String) throws {
        let documents = try decode(json)
        #expect(documents.map(\.text) == [expected])
    }

    @Test func metadataFieldsAreRead() throws {
        let json = """
            {"id": 42, "headline": "Border &amp; talks", "link": "https://example.org/x",
             "datePublished": "Tue, 05 Mar 2024 10:15:00 +0000", "text": "Talks opened.",
             "extra": {"nested": [1, 2, {"deep": true}]}}
            """
        let document = try #require(try decode(json).first)
        #expect(document.id == "42")
        #expect(document.title == "Border & talks")
        #expect(document.url == "https://example.org/x")
        #expect(document.published == "2024-03-05T10:15:00Z")
        #expect(document.record == nil)
        #expect(document.path == nil)
    }

    @Test func anArrayIsARecordSet() throws {
        let json = #"[{"text": "First story."}, {"title": "no text"}, {"text": "Third story.", "id": "c"}]"#
        let documents = try decode(json)
        #expect(documents.map(\.text) == ["First story.", "Third story."])
        #expect(documents.map(\.record) == [0, 2])
        #expect(documents[1].id == "c")
        #expect(documents[0].notes.contains { $0.hasPrefix("record 1: missingText") })
    }

    @Test func aWrappedRecordSetIsFound() throws {
        let documents = try decode(#"{"status": "ok", "articles": [{"text": "One."}, {"text": "Two."}]}"#)
        #expect(documents.map(\.text) == ["One.", "Two."])
    }

    @Test(arguments: [
        ("", DecodeError.Code.empty),
        ("   ", .empty),
        ("[]", .empty),
        (#""text""#, .notAnObject),
        ("42", .notAnObject),
        (#"{"title": "t"}"#, .missingText),
        (#"{"text": ["a"]}"#, .missingText),
        (#"[{"title": "t"}, 3]"#, .missingText),
        (#"{"text": "a""#, .invalidJSON),
        (#"{"text": "a"} {"text": "b"}"#, .invalidJSON),
        (#"{text: "a"}"#, .invalidJSON),
        (#"{"text": "a\x"}"#, .invalidJSON),
        (#"{"n": 01, "text": "a"}"#, .invalidJSON),
        (#"{"n": tru, "text": "a"}"#, .invalidJSON),
        ("{\"text\": \"ok\", \"list\": [1, 2,]}", .invalidJSON),
    ])
    func invalidInputThrowsWithACode(json: String, code: DecodeError.Code) {
        do {
            _ = try decode(json)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func deepNestingIsRejectedWithoutRecursion() {
        for depth in [600, 100_000] {
            let json =
                #"{"text": "a", "x": "# + String(repeating: "[", count: depth)
                + String(repeating: "]", count: depth) + "}"
            do {
                _ = try decode(json)
                Issue.record("expected tooDeep")
            } catch {
                #expect(error.code == .tooDeep)
            }
        }
        let shallow =
            #"{"text": "a", "x": "# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
            + "}"
        #expect((try? decode(shallow))?.first?.text == "a")
    }

    @Test func invalidUTF8InsideStringsIsNoted() throws {
        let bytes = Array(#"{"text": "né ok "#.utf8) + [0xC3, 0x28] + Array(#" end"}"#.utf8)
        let document = try #require(try DocumentDecoder.decode(bytes, format: .json).first)
        #expect(document.text == "né ok \u{FFFD}( end")
        #expect(document.notes.contains(TextNormalizer.lossyNote))
    }
}
