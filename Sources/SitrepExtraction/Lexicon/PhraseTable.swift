/// Multi-word phrases keyed by their tokens' lookup keys, matched longest-first with hash lookups.
struct PhraseTable<Value: Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    /// For each first word, the longest phrase (in tokens) that starts with it.
    private var longest: [String: Int] = [:]

    var count: Int { entries.count }

    /// The tokens of a phrase as the lexicons see them.
    static func keys(of phrase: String) -> [String] {
        // Fast path for plain ASCII names (most of the gazetteer): the tokenizer would give the same keys.
        var plain = true
        var previous: UInt8 = 0x20
        for byte in phrase.utf8 {
            let letter = Tokenizer.isASCIILetter(byte)
            if !(letter || byte == 0x20 || (byte == 0x2D && Tokenizer.isASCIILetter(previous))) {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != 0x2D {
            return phrase.lowercased().split(separator: " ").map(String.init)
        }
        return Tokenizer.tokenize(Array(phrase.utf8)).map(\.key)
    }

    /// Adds or replaces a phrase; `merge` combines with an existing value.
    mutating func insert(_ phrase: String, _ value: Value, merge: ((Value, Value) -> Value)? = nil) {
        insert(keys: PhraseTable.keys(of: phrase), value, merge: merge)
    }

    mutating func insert(keys: [String], _ value: Value, merge: ((Value, Value) -> Value)? = nil) {
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
