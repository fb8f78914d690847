/// Which language a text is in, from the share of its words that are one language's function words
/// (`languages.tsv`). The event rules read English; a document in another language gets a notice and
/// its language named in the record instead of a silent lack of events.
struct LanguageGuesser: Sendable {
    /// Words looked at, from the start: enough to decide, and a bounded cost on any document.
    static let sampleWords = 1_000
    /// Fewer words say nothing.
    static let minimumWords = 8
    /// Share of a sample that must be one language's function words (English news runs near 0.4).
    static let minimumShare = 0.12
    /// Share of letters outside ASCII above which text no listed language matches is not English.
    static let foreignScriptShare = 0.5
    /// The code for a language that is not English but none of the listed ones (ISO 639-2).
    static let undetermined = "und"

    private var languagesByWord: [String: [Int]] = [:]
    private(set) var codes: [String] = []

    mutating func add(language code: String, words: String, context: String) throws(DataError) {
        guard (2...3).contains(code.utf8.count), code.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
            throw DataError(.badValue, context: context, "language must be an ISO 639-1 code such as \"de\"")
        }
        let number: Int
        if let existing = codes.firstIndex(of: code) {
            number = existing
        } else {
            number = codes.count
            codes.append(code)
        }
        for word in words.split(separator: "|") where !word.isEmpty {
            let key = word.lowercased()
            if languagesByWord[key]?.contains(number) != true {
                languagesByWord[key, default: []].append(number)
            }
        }
    }

    /// The ISO code of the language `text` reads as, `und` for a non-Latin text of no listed language,
    /// nil when the sample is too short or matches nothing.
    func guess(_ text: String) -> String? {
        guard !codes.isEmpty else { return nil }
        var hits = [Int](repeating: 0, count: codes.count)
        var words = 0
        var letters = 0
        var foreignLetters = 0
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            for language in languagesByWord[word] ?? [] { hits[language] += 1 }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                letters += 1
                if !scalar.isASCII { foreignLetters += 1 }
                word.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar != "'" {
                endWord()
                if words >= Self.sampleWords { break }
            }
        }
        endWord()
        guard words >= Self.minimumWords else { return nil }
        var best = 0
        for index in hits.indices where hits[index] > hits[best] { best = index }
        if Double(hits[best]) >= Self.minimumShare * Double(words) { return codes[best] }
        return Double(foreignLetters) >= Self.foreignScriptShare * Double(letters) ? Self.undetermined : nil
    }
}
