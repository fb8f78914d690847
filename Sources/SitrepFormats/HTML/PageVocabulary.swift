/// Words of `class` and `id` attributes that mark page furniture (cookie banners, tickers, related and
/// most-read lists, share bars) or the article body. They are data (the extraction data file
/// `page-classes.tsv`), handed in by the caller; without them only the structure of the page counts.
public struct PageVocabulary: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The element and everything in it is not the article.
        case boilerplate
        /// The element holds the article body.
        case content
    }

    /// Lowercased words without separators ("mostread" for "most-read", "mostRead" or "most_read").
    public private(set) var words: [String: Kind] = [:]

    public init(_ words: [String: Kind] = [:]) {
        for (word, kind) in words { add(word, kind) }
    }

    /// Adds a word; it is lowercased and stripped of "-", "_" and spaces so that it matches however a
    /// page spells it.
    public mutating func add(_ word: String, _ kind: Kind) {
        let key = String(
            word.lowercased().unicodeScalars.filter { Self.isWordScalar($0) }.map(Character.init))
        if !key.isEmpty { words[key] = kind }
    }

    public var isEmpty: Bool { words.isEmpty }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    /// What the words of an attribute value say: boilerplate when one of them, or two adjacent ones
    /// joined, is a boilerplate word; else content when one is a content word. Only the first 256 bytes
    /// are looked at, so a hostile attribute costs a bounded amount.
    func classify(_ value: String) -> Kind? {
        guard !words.isEmpty else { return nil }
        var parts: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        var found: Kind?
        func endPart() {
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        func endToken() {
            endPart()
            for (index, part) in parts.enumerated() {
                let single = words[part]
                let joined = index + 1 < parts.count ? words[part + parts[index + 1]] : nil
                if single == .boilerplate || joined == .boilerplate {
                    found = .boilerplate
                } else if found == nil, single == .content || joined == .content {
                    found = .content
                }
            }
            parts.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8.prefix(256) {
            if ByteClass.isAlphanumeric(byte) {
                let isUpper = byte >= 0x41 && byte <= 0x5A
                // "mostRead": a capital after a small letter starts a new part.
                if isUpper && previousWasLower { endPart() }
                current.append(ByteClass.lowercased(byte))
                previousWasLower = !isUpper
            } else {
                if ByteClass.isWhitespace(byte) { endToken() } else { endPart() }
                previousWasLower = false
            }
            if parts.count > 16 { endToken() }
        }
        endToken()
        return found
    }
}
