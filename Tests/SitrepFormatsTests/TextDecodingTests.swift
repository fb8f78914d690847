import Testing

@testable import SitrepFormats

struct TextDecodingTests {
    private func decode(_ text: String, _ format: DocumentFormat) throws(DecodeError) -> Document {
        let documents = try DocumentDecoder.decode(Array(text.utf8), format: format)
        #expect(documents.count == 1)
        return documents[0]
    }

    @Test func plainTextIsKeptWithAShortFirstLineAsTitle() throws {
        let document = try decode(
            "\n  Floods in the delta\n\nHeavy rain displaced thousands.\r\nRoads closed.\n", .text)
        #expect(document.text == "Floods in the delta\n\nHeavy rain displaced thousands.\nRoads closed.")
        #expect(document.title == "Floods in the delta")
        #expect(document.record == nil && document.offset == nil && document.id == nil)
    }

    @Test(arguments: [
        "One paragraph without a blank line\nstraight into the next line.",
        String(repeating: "long ", count: 50) + "\n\nBody.",
        "Single line only",
    ])
    func firstLineIsATitleOnlyWhenShortAndFollowedByABlankLine(text: String) throws {
        #expect(try decode(text, .text).title == nil)
    }

    @Test func nulBytesAndInvalidUTF8AreCleaned() throws {
        let bytes = Array("Ceasefire\u{0} holds".utf8) + [0xC0, 0xAF] + Array(" é".utf8)
        let document = try #require(try DocumentDecoder.decode(bytes, format: .text).first)
        #expect(document.text == "Ceasefire holds\u{FFFD}\u{FFFD} é")
        #expect(document.notes == [TextNormalizer.lossyNote])
    }

    @Test(arguments: [DocumentFormat.text, .markdown])
    func blankInputThrowsEmpty(format: DocumentFormat) {
        do {
            _ = try DocumentDecoder.decode(Array(" \n\t\u{0}\n".utf8), format: format)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .empty)
        }
    }

    @Test(arguments: [
        ("# Heading one ##", "Heading one"),
        ("### Third level", "Third level"),
        ("#hashtag stays", "#hashtag stays"),
        ("Some **bold**, *italic*, __strong__ and _em_ text.", "Some bold, italic, strong and em text."),
        ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
        ("See [the report](https://example.org/r \"Title\") now.", "See the report now."),
        ("An ![aerial photo](img.png) and [ref link][1].", "An aerial photo and ref link."),
        ("Use `code_span *here*` please", "Use code_span *here* please"),
        ("> Quoted words", "Quoted words"),
        ("- bullet one", "bullet one"),
        ("* bullet *two*", "bullet two"),
        ("1. numbered", "1. numbered"),
        ("Visit <https://example.org/x> today", "Visit https://example.org/x today"),
        ("Escaped \\*stars\\* stay", "Escaped *stars* stay"),
        ("~~struck~~ out", "struck out"),
        ("[unclosed bracket and (paren", "[unclosed bracket and (paren"),
    ])
    func markdownLinesAreReducedToTheirWords(markdown: String, expected: String) throws {
        #expect(try decode(markdown, .markdown).text == expected)
    }

    @Test func markdownBlocksAreHandled() throws {
        let markdown = """
            Title line
            ==========

            First paragraph.

            ```swift
            let x = a_b * 2
            ```

            ---
            [1]: https://example.org/ref
            Last.
            """
        let document = try decode(markdown, .markdown)
        // Fenced code is not prose: it goes, leaving a paragraph break.
        #expect(document.text == "Title line\n\nFirst paragraph.\n\nLast.")
        #expect(document.title == "Title line")
    }

    @Test func pathologicalMarkdownStaysFast() throws {
        let line = String(repeating: "[a](", count: 20_000) + String(repeating: "*_", count: 20_000)
        let document = try decode(line, .markdown)
        #expect(!document.text.isEmpty)
    }
}
