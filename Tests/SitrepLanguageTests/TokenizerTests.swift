import Testing

@testable import SitrepLanguage

struct TokenizerTests {
    static let tokenizer = Tokenizer(abbreviations: ["mr", "etc"], prefixes: ["e", "non"])

    func forms(_ text: String) -> [String] {
        Self.tokenizer.sentences(text).flatMap { $0.map(\.form) }
    }

    @Test(arguments: [
        ("I don't know.", ["I", "do", "n't", "know", "."]),
        ("We can't, won't go", ["We", "ca", "n't", ",", "wo", "n't", "go"]),
        ("John's dog's bone", ["John", "'s", "dog", "'s", "bone"]),
        ("they're we've I'll she'd I'm", ["they", "'re", "we", "'ve", "I", "'ll", "she", "'d", "I", "'m"]),
        ("Mr. Smith paid 1,000 dollars, 3.5 each.", ["Mr.", "Smith", "paid", "1,000", "dollars", ",", "3.5", "each", "."]),
        ("a search-engine e-mail non-stop", ["a", "search", "-", "engine", "e-mail", "non-stop"]),
        ("see http://www.example.com/a?b=1.", ["see", "http://www.example.com/a?b=1", "."]),
        ("(really?!) \"yes\"", ["(", "really", "?", "!", ")", "\"", "yes", "\""]),
        ("wait... what", ["wait", "...", "what"]),
        ("the U.S. army", ["the", "U.S.", "army"]),
        ("I cannot, gonna", ["I", "can", "not", ",", "gon", "na"]),
        ("a -- b", ["a", "--", "b"]),
    ])
    func tokensFollowUDEnglishConventions(text: String, expected: [String]) {
        #expect(forms(text) == expected)
    }

    @Test func offsetsPointBackIntoTheSource() {
        let text = "Café’s  owner didn’t say."
        let bytes = Array(text.utf8)
        for token in Self.tokenizer.sentences(text).flatMap({ $0 }) {
            let range = token.range!
            #expect(String(decoding: bytes[range], as: UTF8.self) == token.form)
        }
        #expect(forms(text) == ["Café", "’s", "owner", "did", "n’t", "say", "."])
    }

    @Test func sentencesEndAtTerminalsBeforeCapitalsAndAtBlankLines() {
        let sentences = Self.tokenizer.sentences("He left. She stayed, etc. and more! Then\n\nnew part")
        #expect(sentences.map { $0.map(\.form).joined(separator: " ") } == [
            "He left .", "She stayed , etc. and more !", "Then", "new part",
        ])
    }

    @Test func pathologicalInputIsHandledInOnePass() {
        let runs = [
            String(repeating: "Mr. ", count: 50_000), String(repeating: ".", count: 100_000),
            String(repeating: "a-", count: 50_000), String(repeating: "'s", count: 50_000),
            String(repeating: "(", count: 100_000),
        ]
        for text in runs {
            #expect(!Self.tokenizer.tokenRanges(text).isEmpty)
        }
        #expect(Self.tokenizer.tokenRanges(String(repeating: "Mr. ", count: 50_000)).count == 50_000)
    }

    @Test func emptyAndBlankTextHaveNoSentences() {
        #expect(Self.tokenizer.sentences("").isEmpty)
        #expect(Self.tokenizer.sentences(" \n\t ").isEmpty)
    }
}
