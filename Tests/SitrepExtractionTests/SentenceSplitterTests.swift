import Testing

@testable import SitrepExtraction

struct SentenceSplitterTests {
    func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        return Shared.extractor.splitter.split(
            bytes, tokens: tokens, lowercaseText: Extractor.isLowercase(tokens)
        ).map {
            String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("Gen. Smith arrived. He spoke.", ["Gen. Smith arrived.", "He spoke."]),
        ("The U.S. Army left. Lt. Col. Jones stayed.", ["The U.S. Army left.", "Lt. Col. Jones stayed."]),
        (
            "Troops left the U.S. The next day they returned.",
            ["Troops left the U.S.", "The next day they returned."]
        ),
        (
            "US Sec. Def. Esper spoke. Mr. Li and Dr. Ng agreed.",
            ["US Sec. Def. Esper spoke.", "Mr. Li and Dr. Ng agreed."]
        ),
        (
            "He read No. 3 aloud. John F. Kennedy was there.",
            ["He read No. 3 aloud.", "John F. Kennedy was there."]
        ),
        ("Headline Here\n\nBody one. Body two!", ["Headline Here", "Body one.", "Body two!"]),
        ("“We will go.” Then they went.", ["“We will go.”", "Then they went."]),
        ("police fired. two died. the rest fled.", ["police fired.", "two died.", "the rest fled."]),
        ("Prices rose 3.5 percent. Markets fell.", ["Prices rose 3.5 percent.", "Markets fell."]),
    ])
    func splitsSentencesWithAbbreviationsInMind(text: String, expected: [String]) {
        #expect(split(text) == expected)
    }
}
