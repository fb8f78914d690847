/// Names of actors: countries and demonyms, organisations, people, and sector words.
struct ActorLexicon: Sendable {
    enum Kind: Sendable, Equatable {
        case country, demonym, organization, person, sector
    }

    struct Entry: Sendable, Equatable {
        var kind: Kind
        var name: String
        var country: String?
        var sector: String?
        /// Written in capitals in the lexicon (US, UN): matches only capitalised text.
        var needsCapitals: Bool
        var activeYears: [ClosedRange<Int>]
    }

    var table = PhraseTable<Entry>()

    mutating func add(_ phrase: String, _ entry: Entry) {
        var entry = entry
        entry.needsCapitals =
            phrase.count <= 4 && phrase == phrase.uppercased() && phrase != phrase.lowercased()
        table.insert(phrase, entry)
    }

    func match(_ tokens: [Token], at index: Int, lowercaseText: Bool) -> (length: Int, entry: Entry)? {
        guard let found = table.match(tokens, at: index) else { return nil }
        let entry = found.value
        if entry.needsCapitals && !tokens[index].isUpperCase { return nil }
        // Proper names must be capitalised, unless the whole text is in lower case.
        if entry.kind != .sector && !lowercaseText && !tokens[index].isCapitalized { return nil }
        return (found.length, entry)
    }

    static func years(_ text: String) -> [ClosedRange<Int>] {
        text.split(separator: ",").compactMap { part in
            let bounds = part.split(separator: "-").compactMap {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
            guard let low = bounds.first, let high = bounds.last, low <= high else { return nil }
            return low...high
        }
    }
}
