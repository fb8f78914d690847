/// Multi-word phrases keyed by their tokens' lookup keys, matched longest-first with hash lookups.
///
/// Phrases are found by the hashes the tokenizer gave their words (see `KeyHash`), so matching a
/// phrase of any length hashes no string and builds none.
struct PhraseTable<Value: Sendable>: Sendable {
    /// The phrases' keys ("u.s. army"), with the phrase hash folded from their words' hashes.
    private var phrases = KeyTable()
    private var values: [Value] = []
    /// Words that start a phrase, with the length (in tokens) of the longest phrase each starts.
    private var starts = KeyTable()
    private var longest: [Int] = []
    /// This table's bit in `Token.lexicons`; 0 until the extractor assigns one.
    var lexiconBit: UInt32 = 0

    /// The bit of `Token.lexicons` for words that stand inside some phrase (not first).
    static var innerWordBit: UInt32 { 1 << 31 }

    /// Words that stand inside a phrase, after its first word.
    private(set) var innerWords: Set<String> = []

    /// Every word that starts a phrase.
    var firstWords: [String] {
        (0..<starts.count).map { String(decoding: starts.key($0), as: UTF8.self) }
    }

    var count: Int { values.count }

    /// A phrase as the lexicons see it: its tokens' keys joined by spaces, and how many tokens it has.
    struct Key: Sendable {
        var joined: String
        var count: Int
    }

    static func key(of phrase: String) -> Key? {
        var joined: [UInt8] = []
        let count = keyBytes(of: phrase.utf8, into: &joined)
        guard count > 0 else { return nil }
        return Key(joined: String(decoding: joined, as: UTF8.self), count: count)
    }

    /// A phrase's tokens' keys joined by single spaces, written into `joined` (emptied first); returns
    /// how many tokens it has (0: none).
    static func keyBytes<Bytes: Collection<UInt8>>(of phrase: Bytes, into joined: inout [UInt8]) -> Int {
        joined.removeAll(keepingCapacity: true)
        // Fast path for plain ASCII names (most of the gazetteer): the tokenizer would give the same keys.
        var previous: UInt8 = 0x20
        var plain = true
        var count = 0
        for byte in phrase {
            let letter = Tokenizer.isASCIILetter(byte)
            if letter {
                if previous == 0x20 { count += 1 }
                joined.append(byte | 0x20)
            } else if byte == 0x20 {
                if previous != 0x20 { joined.append(0x20) }
            } else if byte == 0x2D && Tokenizer.isASCIILetter(previous) {
                joined.append(byte)
            } else {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != 0x2D {
            if joined.last == 0x20 { joined.removeLast() }
            return count
        }
        joined.removeAll(keepingCapacity: true)
        let tokens = Tokenizer.tokenize(Array(phrase))
        for (k, token) in tokens.enumerated() {
            if k > 0 { joined.append(0x20) }
            joined.append(contentsOf: token.key.utf8)
        }
        return tokens.count
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
        update(key: key) { existing in
            if let existing, let merge { return merge(existing, value) }
            return value
        }
    }

    /// Sets the value stored under a phrase from the one there before (nil if none).
    mutating func update(key: Key, _ change: (Value?) -> Value) {
        update(joined: Array(key.joined.utf8), count: key.count, change)
    }

    /// `update(key:_:)` with the key as bytes (see `keyBytes(of:into:)`).
    mutating func update(joined: [UInt8], count: Int, _ change: (Value?) -> Value) {
        let phraseHash = PhraseTable.hash(ofJoined: joined)
        let firstEnd = joined.firstIndex(of: 0x20) ?? joined.count
        let firstHash = KeyHash.of(joined[..<firstEnd])
        let (index, isNew) = phrases.insert(hash: phraseHash, bytes: joined)
        if isNew {
            values.append(change(nil))
        } else {
            values[index] = change(values[index])
        }
        let start = starts.insert(hash: firstHash, bytes: joined[..<firstEnd])
        if start.isNew {
            longest.append(count)
        } else if longest[start.index] < count {
            longest[start.index] = count
        }
    }

    /// The value stored under a phrase given as bytes (see `keyBytes(of:into:)`).
    func value(joined: [UInt8]) -> Value? {
        phrases.index(hash: PhraseTable.hash(ofJoined: joined), bytes: joined).map { values[$0] }
    }

    func value(forKey key: String) -> Value? {
        phrases.index(hash: PhraseTable.hash(ofJoined: key.utf8), bytes: key.utf8).map { values[$0] }
    }

    /// The phrase hash of keys joined by spaces: its words' hashes folded as the tokens' are.
    static func hash<Bytes: Collection<UInt8>>(ofJoined joined: Bytes) -> UInt64 {
        var hash = KeyHash.phraseStart
        var word = KeyHash.start
        for byte in joined {
            if byte == 0x20 {
                hash = KeyHash.phrase(hash, KeyHash.finish(word))
                word = KeyHash.start
            } else {
                word = KeyHash.adding(word, byte)
            }
        }
        return KeyHash.phrase(hash, KeyHash.finish(word))
    }

    /// The value stored under the phrase that `range` of `tokens` spells.
    func value(_ tokens: [Token], _ range: Range<Int>) -> Value? {
        var hash = KeyHash.phraseStart
        for k in range { hash = KeyHash.phrase(hash, tokens[k].hash) }
        return phrases.index(hash: hash, tokens: tokens, from: range.lowerBound, count: range.count).map {
            values[$0]
        }
    }

    /// The value of a one-word phrase, from the word's token.
    func value(for token: Token) -> Value? {
        phrases.index(hash: KeyHash.phrase(KeyHash.phraseStart, token.hash), word: token.key).map {
            values[$0]
        }
    }

    /// Gives back the room reserved while the table was built.
    mutating func shrinkToFit() {
        phrases.shrinkToFit()
        starts.shrinkToFit()
        values = values.withUnsafeBufferPointer { Array($0) }
        longest = longest.withUnsafeBufferPointer { Array($0) }
    }

    /// Room for `count` more phrases, so a large table is not rehashed while it is built.
    mutating func reserveCapacity(_ count: Int) {
        phrases.reserveCapacity(count, averageLength: 12)
        values.reserveCapacity(values.count + count)
        starts.reserveCapacity(count, averageLength: 8)
        longest.reserveCapacity(longest.count + count)
    }

    /// The longest phrase starting at token `index`, as (token count, value).
    /// Small words inside capitalised names: "Bosnia and Herzegovina", "Ain al-Asad", "Dar es Salaam".
    static var nameLinks: WordSet { PhraseNameLinks.words }

    /// With `capitalizedOnly`, a phrase continues only over capitalised words and the small words of
    /// names: place names are written so, and the lookups stop early in running text.
    func match(_ tokens: [Token], at index: Int, capitalizedOnly: Bool = false) -> (
        length: Int, value: Value
    )? {
        // One lookup per word for all lexicons: most words start no phrase of this table.
        guard index < tokens.count, tokens[index].lexicons & lexiconBit != 0 || lexiconBit == 0,
            let start = starts.index(hash: tokens[index].hash, word: tokens[index].key)
        else { return nil }
        let available = min(longest[start], tokens.count - index)
        if available == 1 {
            return value(for: tokens[index]).map { (1, $0) }
        }
        if lexiconBit != 0, tokens[index + 1].lexicons & PhraseTable.innerWordBit == 0 {
            // The next word is inside no phrase of any lexicon: only a one-word phrase can match.
            return value(for: tokens[index]).map { (1, $0) }
        }
        var hash = KeyHash.phrase(KeyHash.phraseStart, tokens[index].hash)
        var best: (Int, Value)? = value(for: tokens[index]).map { (1, $0) }
        var length = 1
        while length < available {
            let next = tokens[index + length]
            // Phrases do not run across a gap in the text larger than a space or two.
            if next.start - tokens[index + length - 1].end > 2 { break }
            if capitalizedOnly, !next.isCapitalized, !next.keyContains("-"),
                !PhraseTable.nameLinks.contains(next)
            {
                break
            }
            hash = KeyHash.phrase(hash, next.hash)
            length += 1
            if let found = phrases.index(hash: hash, tokens: tokens, from: index, count: length) {
                best = (length, values[found])
            }
        }
        return best
    }
}

/// The small words of names, built once (a generic type cannot hold a stored static table).
enum PhraseNameLinks {
    static let words: WordSet = [
        "and", "of", "de", "del", "la", "le", "el", "al", "es", "du", "des", "di", "da", "bin", "ibn",
        "upon", "on", "the", "'s",
    ]
}
