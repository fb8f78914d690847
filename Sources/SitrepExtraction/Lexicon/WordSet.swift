/// A set of lookup keys asked about tokens: the tokenizer hashed each token's key once, so a lookup
/// by token hashes nothing.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var table = KeyTable()

    init<Words: Sequence<String>>(_ words: Words) {
        for word in words { insert(word) }
    }

    init(arrayLiteral words: String...) { self.init(words) }

    var count: Int { table.count }

    mutating func insert(_ word: String) {
        table.insert(hash: KeyHash.of(word), bytes: word.utf8)
    }

    func contains(_ token: Token) -> Bool { table.index(hash: token.hash, word: token.key) != nil }

    func contains(_ word: String) -> Bool { table.index(hash: KeyHash.of(word), word: word) != nil }

    func union<Words: Sequence<String>>(_ words: Words) -> WordSet {
        var result = self
        for word in words { result.insert(word) }
        return result
    }
}
