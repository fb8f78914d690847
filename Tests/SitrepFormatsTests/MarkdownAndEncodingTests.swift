import Testing

@testable import SitrepFormats

struct MarkdownAndEncodingTests {
    @Test func frontMatterIsMetadataAndFencedCodeIsNotProse() throws {
        let markdown = """
            ---
            title: "Clashes in the north"
            date: 2024-03-05
            tags:
              - conflict
            ---
            # Clashes in the north

            Fighting broke out on Monday.

            ```python
            attack(target="base")  # killed three
            ```

            ~~~
            more code
            ~~~
            Two soldiers were killed.
            """
        let document = try DocumentDecoder.decode(Array(markdown.utf8), format: .markdown)[0]
        #expect(document.title == "Clashes in the north")
        #expect(document.published == "2024-03-05")
        #expect(
            document.text
                == "Clashes in the north\n\nFighting broke out on Monday.\n\nTwo soldiers were killed.")
    }

    @Test func tomlFrontMatterAndAThematicBreakThatIsNoFrontMatter() throws {
        let toml = "+++\ntitle = 'Talks resume'\npublishDate = \"2024-03-06T10:00:00Z\"\n+++\nTalks resumed."
        let document = try DocumentDecoder.decode(Array(toml.utf8), format: .markdown)[0]
        #expect(document.title == "Talks resume")
        #expect(document.published == "2024-03-06T10:00:00Z")
        #expect(document.text == "Talks resumed.")
        let rule = "---\nShelling resumed on Monday.\n"
        #expect(
            try DocumentDecoder.decode(Array(rule.utf8), format: .markdown)[0].text
                == "Shelling resumed on Monday.")
    }

    private func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        return bytes
    }

    @Test(arguments: [true, false])
    func utf16WithAByteOrderMarkIsDecoded(littleEndian: Bool) throws {
        let text = "Protesters marched in Zürich — 😀 «calm»."
        let document = try DocumentDecoder.decode(utf16(text, littleEndian: littleEndian), format: .text)[0]
        #expect(document.text == text)
        #expect(document.notes == ["UTF-16 \(littleEndian ? "LE" : "BE") decoded"])
        let json = utf16("{\"text\":\"Talks ended.\"}", littleEndian: littleEndian)
        #expect(DocumentFormat.sniff(json) == .json)
        #expect(try DocumentDecoder.decode(json, format: .json)[0].text == "Talks ended.")
    }

    @Test func brokenUTF16BecomesReplacementCharacters() {
        // A lone high surrogate, a lone low surrogate, an odd last byte.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x00, 0xDC, 0x43]
        #expect(
            String(decoding: UTF16Transcoder.utf8(bytes[...], order: .littleEndian), as: UTF8.self)
                == "A\u{FFFD}B\u{FFFD}\u{FFFD}")
        #expect(UTF16Transcoder.byteOrder(of: [0xFF, 0xFE, 0x00, 0x00]) == nil)
    }

    @Test(arguments: [
        ("{\"text\": {\"a\": 1}}", "\"text\" is an object, not a string"),
        ("{\"text\": 5}", "\"text\" is a JSON number, not a string"),
        ("\"just a string\"", "the file holds a JSON string, not an object"),
    ])
    func messagesSayWhatTheValueIs(json: String, message: String) {
        do {
            _ = try DocumentDecoder.decode(Array(json.utf8), format: .json)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func binaryFilesAreToldByTheirSignature() {
        #expect(BinarySignature.format(of: Array("%PDF-1.7".utf8)) == "PDF")
        #expect(BinarySignature.format(of: [0x50, 0x4B, 0x03, 0x04, 0]) != nil)
        #expect(BinarySignature.format(of: Array("Plain text\u{0} with one NUL".utf8)) == nil)
        #expect(BinarySignature.format(of: [UInt8](repeating: 0, count: 100)) != nil)
    }
}
