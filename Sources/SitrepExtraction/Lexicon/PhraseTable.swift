/// Multi-word phrases keyed by their tokens' lookup keys, matched longest-first with hash lookups.
struct PhraseTable<Value: Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    /// For each first word, the longest phrase (in tokens) that starts with it.
    private var longest: [String: Int] = [:]
    /// This table's bit in `Token.lexicons`; 0 until the extractor assigns one.
    var lexiconBit: UInt32 = 0

    /// The bit of `Token.lexicons` for words that stand inside some phrase (not first).
    static var innerWordBit: UInt32 { 1 << 31 }

    /// Words that stand inside a phrase, after its first word.
    private(set) var innerWords: Set<String> = []

    /// Every word that starts a phrase.
    var firstWords: Dictionary<String, Int>.Keys { longest.keys }

    var count: Int { entries.count }

    /// A phrase as the lexicons see it: its tokens' keys joined by spaces, its first key and how many
    /// tokens it has.
    struct Key: Sendable {
        var joined: String
        var first: String
        var count: Int
    }

    static func key(of phrase: String) -> Key? {
        // Fast path for plain ASCII names (most of the gazetteer): the tokenizer would give the same keys.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(phrase.utf8.count)
        var previous: UInt8 = 0x20
        var plain = true
        var count = 0
        var firstEnd = -1
        for byte in phrase.utf8 {
            let letter = Tokenizer.isASCIILetter(byte)
            if letter {
                if previous == 0x20 { count += 1 }
                bytes.append(byte | 0x20)
            } else if byte == 0x20 {
                if previous != 0x20 {
                    if firstEnd < 0 { firstEnd = bytes.count }
                    bytes.append(0x20)
                }
            } else if byte == 0x2D && Tokenizer.isASCIILetter(previous) {
                bytes.append(byte)
            } else {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != 0x2D {
            if bytes.last == 0x20 { bytes.removeLast() }
            guard count > 0 else { return nil }
            let joined = String(decoding: bytes, as: UTF8.self)
            let first = firstEnd < 0 ? joined : String(decoding: bytes[..<firstEnd], as: UTF8.self)
            return Key(joined: joined, first: first, count: count)
        }
        let keys = Tokenizer.tokenize(Array(phrase.utf8)).map(\.key)
        guard let first = keys.first else { return nil }
        return Key(joined: keys.joined(separator: " "), first: first, count: keys.count)
    }

    /// The tokens of a phrase as the lexicons see them.
    static func keys(of phrase: String) -> [String] {
        guard let key = key(of: phrase) else { return [] }
        return key.joined.split(separator: " ").map(String.init)
    }

    /// Adds or replaces a phrase; `merge` combines with an existing value.
    mutating func insert(_ phrase: String, _ value: Value, merge: ((Value, Value) -> Value)? = nil) {
        guard let key = PhraseTable.key(of: phrase) else { return }
        insert(key: key, value, merge: merge)
    }

    mutating func insert(key: Key, _ value: Value, merge: ((Value, Value) -> Value)? = nil) {
        if key.count > 1 {
            for word in key.joined.split(separator: " ").dropFirst() { innerWords.insert(String(word)) }
        }
        if let merge, let existing = entries[key.joined] {
            entries[key.joined] = merge(existing, value)
        } else {
            entries[key.joined] = value
        }
        if (longest[key.first] ?? 0) < key.count { longest[key.first] = key.count }
    }

    /// Appends to the list stored under a phrase, in place.
    mutating func append<Element>(key: Key, _ element: Element) where Value == [Element] {
        entries[key.joined, default: []].append(element)
        if (longest[key.first] ?? 0) < key.count { longest[key.first] = key.count }
    }

    func value(forKey key: String) -> Value? { entries[key] }

    /// Room for `count` more phrases, so a large table is not rehashed while it is built.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(entries.count + count)
        longest.reserveCapacity(longest.count + count)
    }

    /// The longest phrase starting at token `index`, as (token count, value).
    /// Small words inside capitalised names: "Bosnia and Herzegovina", "Ain al-Asad", "Dar es Salaam".
    static var nameLinks: Set<String> { PhraseNameLinks.words }

    /// With `capitalizedOnly`, a phrase continues only over capitalised words and the small words of
    /// names: place names are written so, and the lookups stop early in running text.
    func match(_ tokens: [Token], at index: Int, capitalizedOnly: Bool = false) -> (
        length: Int, value: Value
    )? {
        // One lookup per word for all lexicons: most words start no phrase of this table.
        guard index < tokens.count, tokens[index].lexicons & lexiconBit != 0 || lexiconBit == 0,
            let maximum = longest[tokens[index].key]
        else { return nil }
        let available = min(maximum, tokens.count - index)
        if available == 1 {
            return entries[tokens[index].key].map { (1, $0) }
        }
        if lexiconBit != 0, tokens[index + 1].lexicons & PhraseTable.innerWordBit == 0 {
            // The next word is inside no phrase of any lexicon: only a one-word phrase can match.
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
            if capitalizedOnly, !next.isCapitalized, !next.keyContains("-"),
                !PhraseTable.nameLinks.contains(next.key)
            {
                break
            }
            key += " "
            key += next.key
            length += 1
            if let value = entries[key] { best = (length, value) }
        }
        return best
    }
}

/// The small words of names, built once (a generic type cannot hold a stored static table).
enum PhraseNameLinks {
    static let words: Set<String> = [
        "and", "of", "de", "del", "la", "le", "el", "al", "es", "du", "des", "di", "da", "bin", "ibn",
        "upon", "on", "the", "'s",
    ]
}
