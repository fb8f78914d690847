import Foundation

/// Splits UTF-8 text into tokens in one pass over the bytes.
///
/// Words keep inner hyphens ("twenty-six", "Iranian-backed", "sit-in") and inner apostrophes
/// ("Kata'ib"), but a possessive "'s" is its own token. Initialisms keep their periods ("U.S.").
/// Numbers keep inner separators ("1,200", "2020-03-11", "01/01/2011", "3.5").
enum Tokenizer {
    static func tokenize(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> [Token] {
        let limit = min(end ?? bytes.count, bytes.count)
        var tokens: [Token] = []
        tokens.reserveCapacity(max(16, (limit - start) / 5))
        var i = start
        while i < limit {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                i += 1
                continue
            }
            if isDigit(b) {
                var j = i + 1
                while j < limit {
                    let c = bytes[j]
                    if isDigit(c) || isASCIILetter(c) {
                        j += 1
                    } else if (c == 0x2C || c == 0x2E || c == 0x2F || c == 0x3A || c == 0x2D) && j + 1 < limit
                        && isDigit(bytes[j + 1])
                    {
                        j += 2
                    } else {
                        break
                    }
                }
                tokens.append(makeToken(bytes, i, j, .number))
                i = j
                continue
            }
            let width = scalarWidth(bytes, i, limit)
            if isWordStart(bytes, i, width) {
                var j = i + width
                while j < limit {
                    let c = bytes[j]
                    if isASCIILetter(c) || isDigit(c) {
                        j += 1
                        continue
                    }
                    if c >= 0x80 {
                        let w = scalarWidth(bytes, j, limit)
                        if isWordStart(bytes, j, w) {
                            j += w
                            continue
                        }
                        // A typographic apostrophe inside a word, but not a possessive 's.
                        if isTypographicApostrophe(bytes, j, limit), j + 3 < limit,
                            isLetterByte(bytes[j + 3]),
                            !isPossessive(bytes, j + 3, limit)
                        {
                            j += 3
                            continue
                        }
                        break
                    }
                    if (c == 0x2D || c == 0x26) && j + 1 < limit
                        && (isLetterByte(bytes[j + 1]) || isDigit(bytes[j + 1]))
                    {
                        j += 2
                        continue
                    }
                    if c == 0x27 && j + 1 < limit && isLetterByte(bytes[j + 1])
                        && !isPossessive(bytes, j + 1, limit)
                    {
                        j += 2
                        continue
                    }
                    break
                }
                // Initialisms: U.S. U.N. e.g.
                if j - i == 1, j + 2 < limit, bytes[j] == 0x2E, isASCIILetter(bytes[j + 1]),
                    bytes[j + 2] == 0x2E
                {
                    j += 3
                    while j + 1 < limit, isASCIILetter(bytes[j]), bytes[j + 1] == 0x2E { j += 2 }
                }
                tokens.append(makeToken(bytes, i, j, .word))
                i = j
                continue
            }
            // Possessive 's after a word.
            if (b == 0x27 || isTypographicApostrophe(bytes, i, limit)), let last = tokens.last, last.end == i
            {
                let w = b == 0x27 ? 1 : 3
                if isPossessive(bytes, i + w, limit) {
                    tokens.append(
                        Token(
                            start: i, end: i + w + 1, key: "'s", hash: KeyHash.of("'s".utf8), kind: .word,
                            isCapitalized: false,
                            isUpperCase: false))
                    i += w + 1
                    continue
                }
            }
            tokens.append(makeToken(bytes, i, i + width, .punctuation))
            i += width
        }
        return tokens
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    }
    @inline(__always) static func isLetterByte(_ b: UInt8) -> Bool { isASCIILetter(b) || b >= 0xC3 }

    static func scalarWidth(_ bytes: [UInt8], _ i: Int, _ limit: Int) -> Int {
        let b = bytes[i]
        let w = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return min(w, limit - i)
    }

    /// Letters: ASCII letters and non-ASCII scalars other than punctuation and spaces.
    static func isWordStart(_ bytes: [UInt8], _ i: Int, _ width: Int) -> Bool {
        let b = bytes[i]
        if width == 1 { return isASCIILetter(b) }
        if b == 0xC2 { return false }  // Latin-1 punctuation, no-break space
        if b == 0xE2 || b == 0xE3 && i + 1 < bytes.count && bytes[i + 1] == 0x80 { return false }
        if b == 0xEF && i + 1 < bytes.count && (bytes[i + 1] == 0xBB || bytes[i + 1] == 0xBC) { return false }
        return b >= 0xC3
    }

    static func isTypographicApostrophe(_ bytes: [UInt8], _ i: Int, _ limit: Int) -> Bool {
        i + 2 < limit && bytes[i] == 0xE2 && bytes[i + 1] == 0x80
            && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98)
    }

    /// "s" followed by a non-letter: the end of a possessive.
    static func isPossessive(_ bytes: [UInt8], _ i: Int, _ limit: Int) -> Bool {
        guard i < limit, bytes[i] | 0x20 == 0x73 else { return false }
        return i + 1 >= limit || !isLetterByte(bytes[i + 1])
    }

    static func makeToken(_ bytes: [UInt8], _ start: Int, _ end: Int, _ kind: Token.Kind) -> Token {
        // One pass classifies the bytes and hashes the lower-cased key, which is the key of any
        // ASCII token; a token with other scalars is folded and hashed again below.
        var ascii = true
        var hasUpper = false
        var hasLower = false
        var hash = KeyHash.start
        var marks: KeyMarks = []
        bytes.withUnsafeBufferPointer { buffer in
            for k in start..<end {
                var b = buffer[k]
                if b >= 0x80 {
                    ascii = false
                } else if b >= 0x41 && b <= 0x5A {
                    hasUpper = true
                    b |= 0x20
                } else if b >= 0x61 && b <= 0x7A {
                    hasLower = true
                }
                hash = KeyHash.adding(hash, b)
                marks.add(b)
            }
        }
        let first = bytes[start]
        let key: String
        var last: UInt8 = 0
        if ascii {
            key = bytes.withUnsafeBufferPointer { buffer in
                let raw = UnsafeBufferPointer(rebasing: buffer[start..<end])
                // (Cheaper than `String(decoding:as:)` for the short keys most tokens have.)
                return String(unsafeUninitializedCapacity: raw.count) { out in
                    for k in raw.indices {
                        let b = raw[k]
                        out[k] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                    }
                    return raw.count
                }
            }
            last = bytes[end - 1]
        } else {
            let folded = KeyFolding.key(bytes, start, end) ?? foldedByFoundation(bytes, start, end)
            key = String(decoding: folded.key, as: UTF8.self)
            // The hash of the key as stored: decoding repairs malformed UTF-8.
            hash = KeyHash.start
            marks = []
            for byte in key.utf8 {
                hash = KeyHash.adding(hash, byte)
                marks.add(byte)
                last = byte
            }
            if kind == .word {
                hasUpper = hasUpper || folded.firstIsUpper
                hasLower = hasLower || folded.firstIsLower
            }
        }
        if last == 0x2E { marks.insert(.periodAtEnd) }
        let capitalized =
            kind == .word && ((first >= 0x41 && first <= 0x5A) || (!ascii && first >= 0xC3 && hasUpper))
        return Token(
            start: start, end: end, key: key, hash: KeyHash.finish(hash), marks: marks, kind: kind,
            isCapitalized: capitalized,
            isUpperCase: kind == .word && hasUpper && !hasLower)
    }

    /// The lookup key of any token: typographic apostrophes made ASCII, then case and diacritics folded
    /// by Foundation; with whether the first scalar is an upper- or lower-case letter.
    static func foldedByFoundation(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (
        key: [UInt8], firstIsUpper: Bool, firstIsLower: Bool
    ) {
        let raw = String(decoding: bytes[start..<end], as: UTF8.self)
        var hasQuote = false
        for k in start..<end where bytes[k] == 0xE2 { hasQuote = true }
        let unquoted =
            hasQuote
            ? raw.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(
                of: "\u{2018}", with: "'")
            : raw
        let key = unquoted.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        guard let scalar = raw.unicodeScalars.first else { return (Array(key.utf8), false, false) }
        let s = String(scalar)
        return (Array(key.utf8), s != s.lowercased(), s != s.uppercased())
    }
}
