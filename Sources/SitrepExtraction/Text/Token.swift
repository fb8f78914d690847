/// One word, number or punctuation mark of a text, with its byte range in the text's UTF-8.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word, number, punctuation
    }

    var start: Int
    var end: Int
    /// Lower-cased, diacritics folded, typographic apostrophes as ASCII: the form lexicons are keyed by.
    var key: String
    /// `KeyHash.of(key)`, computed once by the tokenizer for every lexicon lookup.
    var hash: UInt64
    var kind: Kind
    /// The first letter is upper case.
    var isCapitalized: Bool
    /// Every letter is upper case (acronyms such as US, ISIS).
    var isUpperCase: Bool
    /// Which lexicons have a phrase starting with this word, one bit per lexicon (see
    /// `PhraseTable.lexiconBit`); all bits set until the extractor has looked the word up once.
    var lexicons: UInt32 = .max

    var isWord: Bool { kind == .word }
}

extension Token {
    /// Whether the key contains an ASCII byte (cheaper than a substring search).
    func keyContains(_ ascii: Unicode.Scalar) -> Bool {
        let byte = UInt8(ascii: ascii)
        return key.utf8.contains(byte)
    }

    var keyEndsWithPeriod: Bool { key.utf8.last == UInt8(ascii: ".") }
}
