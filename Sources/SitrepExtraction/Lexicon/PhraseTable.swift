/// Multi-word phrases keyed by their tokens' lookup keys, matched longest-first with hash lookups.
struct PhraseTable<Value: Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    /// For each first word, the longest phrase (in tokens) that starts with it.
    private var longest: [String: Int] = [:]

    var count: Int { entries.count }

    /// The tokens of a phrase as the lexicons see them.
    static func keys(of phrase: String) -> [String] {
        Tokenizer.tokenize(Array(phrase.utf8)).map(\.key)
    }

    /// Adds or replaces a phrase; `merge` combines with an existing value.
    mutating func insert(_ phrase: String, _ value: Value, merge: ((Value, Value) -> Value)? = nil) {
        let keys = PhraseTable.keys(of: phrase)
        guard let first = keys.first else { return }
        let key = keys.joined(separator: " ")
        if let merge, let existing = entries[key] {
            entries[key] = merge(existing, value)
        } else {
            entries[key] = value
        }
        longest[first] = max(longest[first] ?? 0, keys.count)
    }

    func value(forKey key: String) -> Value? { entries[key] }

    /// The longest phrase starting at token `index`, as (token count, value).
    func match(_ tokens: [Token], at index: Int) -> (length: Int, value: Value)? {
        guard index < tokens.count, let maximum = longest[tokens[index].key] else { return nil }
        let available = min(maximum, tokens.count - index)
        if available == 1 {
            return entries[tokens[index].key].map { (1, $0) }
        }
        var keys: [String] = [tokens[index].key]
        keys.reserveCapacity(available)
        var key = tokens[index].key
        var best: (Int, Value)? = entries[key].map { (1, $0) }
        var length = 1
        while length < available {
            let next = tokens[index + length]
            // Phrases do not run across a gap in the text larger than a space or two.
            if next.start - tokens[index + length - 1].end > 2 { break }
            key += " "
            key += next.key
            length += 1
            if let value = entries[key] { best = (length, value) }
        }
        return best
    }
}
