import Testing

@testable import SitrepExtraction

/// The table-driven keys must be exactly the keys Foundation's folding gives.
struct KeyFoldingTests {
    static func covered() -> [String] {
        (KeyFolding.latin.map { $0 } + KeyFolding.punctuation.map { $0 }).compactMap {
            Unicode.Scalar($0).map { String(Character($0)) }
        }
    }

    @Test(arguments: [
        "Café", "ÉCOLE", "São", "Zürich", "naïve", "Kata’ib", "‘Ali’", "“quoted”", "Ağrı", "Łódź", "Straße",
        "Œuvre", "ǅemal", "—", "…", "x\u{00A0}y", "Ærø",
    ])
    func tableKeysMatchFoundation(_ word: String) throws {
        let bytes = Array(word.utf8)
        let fast = try #require(KeyFolding.key(bytes, 0, bytes.count))
        let slow = Tokenizer.foldedByFoundation(bytes, 0, bytes.count)
        #expect(fast.key == slow.key)
        #expect(fast.firstIsUpper == slow.firstIsUpper)
        #expect(fast.firstIsLower == slow.firstIsLower)
    }

    @Test func everyCoveredScalarInContextMatchesFoundation() {
        var mismatches: [String] = []
        var checked = 0
        for scalar in KeyFoldingTests.covered() {
            for word in [scalar, "A" + scalar, scalar + "e", "e" + scalar + "b", scalar + scalar] {
                let bytes = Array(word.utf8)
                guard let fast = KeyFolding.key(bytes, 0, bytes.count) else { continue }
                checked += 1
                let slow = Tokenizer.foldedByFoundation(bytes, 0, bytes.count)
                if fast.key != slow.key || fast.firstIsUpper != slow.firstIsUpper
                    || fast.firstIsLower != slow.firstIsLower
                {
                    mismatches.append(word)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(checked > 2500)
    }

    @Test(arguments: ["Αθήνα", "Москва", "e\u{0301}", "東京", "\u{1F600}", "A\u{200C}", "e\u{200D}b"])
    func otherScriptsAreLeftToFoundation(_ word: String) {
        let bytes = Array(word.utf8)
        #expect(KeyFolding.key(bytes, 0, bytes.count) == nil)
    }
}
