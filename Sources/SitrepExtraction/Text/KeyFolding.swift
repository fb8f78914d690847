import Foundation

/// Lookup keys for the non-ASCII letters and punctuation that news text mostly has (Latin letters with
/// diacritics, typographic quotes and dashes), without asking Foundation to fold every token.
///
/// Each scalar of the covered ranges is folded once, the way `Tokenizer` folds a whole token; a token
/// made only of ASCII and covered scalars gets its key by joining their folded forms. Other tokens
/// are folded by Foundation as before.
enum KeyFolding {
    struct Folded: Sendable {
        /// The scalar's lookup key as UTF-8.
        var key: [UInt8]
        /// `s != s.lowercased()`: the scalar is an upper-case letter.
        var isUpper: Bool
        /// `s != s.uppercased()`: the scalar is a lower-case letter.
        var isLower: Bool
        /// Format characters (zero-width joiners, directional marks) join the letters around them into
        /// one character, so they are folded with their neighbours by Foundation.
        var isCovered: Bool
    }

    /// Latin-1 Supplement and Latin Extended-A and -B.
    static let latin: ClosedRange<UInt32> = 0xA0...0x24F
    /// General Punctuation: quotes, dashes, spaces, ellipsis.
    static let punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    static let latinTable: [Folded] = latin.map(fold)
    static let punctuationTable: [Folded] = punctuation.map(fold)

    /// The key of a token whose bytes are ASCII and covered scalars, with whether its first scalar is
    /// an upper- or lower-case letter; nil for any other token (or malformed UTF-8).
    static func key(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (
        key: [UInt8], firstIsUpper: Bool, firstIsLower: Bool
    )? {
        var key: [UInt8] = []
        key.reserveCapacity(end - start + 4)
        var firstIsUpper = false
        var firstIsLower = false
        var k = start
        while k < end {
            let b = bytes[k]
            let isFirst = k == start
            let folded: Folded
            if b < 0x80 {
                let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                key.append(lower)
                if isFirst {
                    firstIsUpper = lower != b
                    firstIsLower = b >= 0x61 && b <= 0x7A
                }
                k += 1
                continue
            } else if b >= 0xC2 && b <= 0xDF {
                guard k + 1 < end, bytes[k + 1] & 0xC0 == 0x80 else { return nil }
                let scalar = UInt32(b & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
                guard latin.contains(scalar) else { return nil }
                folded = latinTable[Int(scalar - latin.lowerBound)]
                guard folded.isCovered else { return nil }
                k += 2
            } else if b == 0xE2 {
                guard k + 2 < end, bytes[k + 1] & 0xC0 == 0x80, bytes[k + 2] & 0xC0 == 0x80 else {
                    return nil
                }
                let scalar =
                    UInt32(b & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
                guard punctuation.contains(scalar) else { return nil }
                folded = punctuationTable[Int(scalar - punctuation.lowerBound)]
                guard folded.isCovered else { return nil }
                k += 3
            } else {
                return nil
            }
            if isFirst {
                firstIsUpper = folded.isUpper
                firstIsLower = folded.isLower
            }
            key.append(contentsOf: folded.key)
        }
        return (key, firstIsUpper, firstIsLower)
    }

    /// What `Tokenizer` did for a whole token, done for one scalar.
    private static func fold(_ value: UInt32) -> Folded {
        guard let scalar = Unicode.Scalar(value) else {
            return Folded(key: [], isUpper: false, isLower: false, isCovered: false)
        }
        let s = String(Character(scalar))
        let unquoted = value == 0x2018 || value == 0x2019 ? "'" : s
        let key = unquoted.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let category = scalar.properties.generalCategory
        return Folded(
            key: Array(key.utf8), isUpper: s != s.lowercased(), isLower: s != s.uppercased(),
            isCovered: category != .format && category != .nonspacingMark && category != .spacingMark
                && category != .enclosingMark)
    }
}
