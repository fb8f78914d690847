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
    /// Marks in the key the rules ask about, found while the key was made (see `KeyMarks`).
    var marks: KeyMarks = []
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
        switch ascii {
        case "-": return marks.contains(.hyphen)
        case ",": return marks.contains(.comma)
        case "/": return marks.contains(.slash)
        default: return key.utf8.contains(UInt8(ascii: ascii))
        }
    }

    var keyEndsWithPeriod: Bool { marks.contains(.periodAtEnd) }
}

/// Characters of a token's key that rules test for, so they need not search the key.
struct KeyMarks: OptionSet, Sendable, Equatable {
    let rawValue: UInt8
    static let hyphen = KeyMarks(rawValue: 1 << 0)
    static let comma = KeyMarks(rawValue: 1 << 1)
    static let slash = KeyMarks(rawValue: 1 << 2)
    static let periodAtEnd = KeyMarks(rawValue: 1 << 3)

    /// The marks of a key, a byte at a time.
    @inline(__always) mutating func add(_ byte: UInt8) {
        switch byte {
        case 0x2D: insert(.hyphen)
        case 0x2C: insert(.comma)
        case 0x2F: insert(.slash)
        default: break
        }
    }
}
