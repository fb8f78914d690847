import Testing

@testable import SitrepFormats

struct TextNormalizerTests {
    private func normalized(_ bytes: [UInt8], entities: Bool = false) -> (String, [String]) {
        var notes: [String] = []
        let text = TextNormalizer(decodesEntities: entities).normalize(bytes, notes: &notes)
        return (text, notes)
    }

    @Test(arguments: [
        ("AT&amp;T &lt;b&gt; &quot;x&quot;", "AT&T <b> \"x\""),
        ("it&rsquo;s &ldquo;on&rdquo; &mdash; caf&eacute;", "it’s “on” — café"),
        ("&#8217;&#x2019;&#X2019;&#39;", "’’’'"),
        ("&#150; &#146;", "– ’"),
        ("a&nbsp;b", "a\u{A0}b"),
        ("&Alpha;&omega;&euro;&copy;&times;", "Αω€©×"),
        ("&unknown; & &amp &#; &#xZZ;", "&unknown; & &amp &#; &#xZZ;"),
        ("&#0; &#xD800; &#1114112;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
    ])
    func entitiesAreDecoded(input: String, expected: String) {
        #expect(normalized(Array(input.utf8), entities: true).0 == expected)
    }

    @Test func entitiesStayWhenNotAsked() {
        #expect(normalized(Array("a &amp; b".utf8)).0 == "a &amp; b")
    }

    @Test(arguments: [
        ("He said itâ€™s over", "He said it’s over"),
        ("â€œQuoteâ€\u{9D} end", "“Quote” end"),
        ("â€œQuoteâ€ end", "“Quote” end"),
        ("cafÃ© in ZÃ¼rich", "café in Zürich"),
        ("1990â€“1995 â€” then", "1990–1995 — then"),
        ("Ã‰tat", "État"),
        ("naÃ¯ve â€¦", "naïve …"),
    ])
    func mojibakeIsRepaired(input: String, expected: String) {
        let (text, notes) = normalized(Array(input.utf8))
        #expect(text == expected)
        #expect(notes.contains(TextNormalizer.mojibakeNote))
    }

    @Test(arguments: ["café au lait", "São Paulo", "Ñandú", "Über 5 °C", "Ålesund – Øst", "l’été"])
    func correctAccentedTextIsLeftAlone(input: String) {
        let (text, notes) = normalized(Array(input.utf8))
        #expect(text == input)
        #expect(notes.isEmpty)
    }

    @Test func invalidUTF8IsReplacedAndNoted() {
        let bytes: [UInt8] =
            Array("Gaza ".utf8) + [0xFF, 0xFE] + Array(" é ".utf8) + [0xE2, 0x82] + Array("x".utf8)
        let (text, notes) = normalized(bytes)
        #expect(text == "Gaza \u{FFFD}\u{FFFD} é \u{FFFD}\u{FFFD}x")
        #expect(notes == [TextNormalizer.lossyNote])
    }

    @Test func legacySingleByteTextIsReadAsWindows1252() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" ".utf8) + [0x93, 0x71, 0x94]
        let (text, notes) = normalized(bytes)
        #expect(text == "Café “q”")
        #expect(notes == [TextNormalizer.legacyNote])
    }

    @Test func controlCharactersAndLineEndsAreNormalised() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\u{0}b\u{7}c\r\nd\re\tf\u{1B}\u{7F}g\u{C}".utf8)
        #expect(normalized(bytes).0 == "abc\nd\ne\tfg")
    }

    @Test func textIsComposedToNFC() {
        let decomposed = "Cafe\u{301} Ha\u{308}user"
        let text = normalized(Array(decomposed.utf8)).0
        #expect(Array(text.unicodeScalars) == Array("Caf\u{E9} H\u{E4}user".unicodeScalars))
    }

    @Test func compositionIsAppliedOnlyWhereNeededButEverywhereNeeded() {
        let lines = [
            "plain line", "e\u{301}cole", "déjà vu", "A\u{30A}ngstro\u{308}m", "Ω ohm \u{2126}", "last",
        ]
        let text = normalized(Array(lines.joined(separator: "\n").utf8)).0
        let expected = ["plain line", "\u{E9}cole", "déjà vu", "\u{C5}ngstr\u{F6}m", "Ω ohm \u{3A9}", "last"]
        #expect(Array(text.unicodeScalars) == Array(expected.joined(separator: "\n").unicodeScalars))
    }

    @Test func curlyQuotesAreKeptUnlessFolded() {
        let input = "“Don’t,” he said"
        #expect(TextNormalizer().normalize(input) == input)
        #expect(TextNormalizer(foldsQuotes: true).normalize(input) == "\"Don't,\" he said")
    }

    @Test(arguments: [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:15:00Z", "2024-03-05T10:15:00Z"),
        ("2024-03-05T10:15:00.250+02:00", "2024-03-05T10:15:00.250+02:00"),
        ("2024-03-05 10:15:00 +0100", "2024-03-05T10:15:00+01:00"),
        ("2024-03-05T10:15:00", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:15:00 GMT", "2024-03-05T10:15:00Z"),
        ("Tue, 5 Mar 2024 10:15:00 -0500", "2024-03-05T10:15:00-05:00"),
        ("5 Mar 2024 10:15 EST", "2024-03-05T10:15:00-05:00"),
        ("March 5, 2024", "2024-03-05"),
        ("5th March 2024", "2024-03-05"),
        ("20240305", "2024-03-05"),
    ])
    func datesAreNormalised(input: String, expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test(arguments: ["yesterday", "2024-02-30", "Mar 2024", "", "13/45/2024"])
    func unrecognisedDatesGiveNil(input: String) {
        #expect(DateNormalizer.normalize(input) == nil)
    }
}
