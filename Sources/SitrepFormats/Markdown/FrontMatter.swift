/// The metadata block at the top of a Markdown file (Jekyll, Hugo, Pandoc): YAML between `---` lines
/// or TOML between `+++` lines. Only flat `key: value` (`key = value`) lines are read; the block is
/// metadata, never text.
struct FrontMatter: Equatable {
    /// Keys lowercased, values unquoted.
    var fields: [String: String] = [:]
    /// Where the body starts in the bytes.
    var bodyStart: Int

    /// Lines of front matter looked at, at most: an opening `---` without a closing one within them
    /// is a thematic break, not front matter.
    static let maximumLines = 200

    static let titleKeys = ["title"]
    static let dateKeys = ["date", "published", "pubdate", "publishdate", "date_published", "publish_date"]

    var title: String? { Self.titleKeys.lazy.compactMap { fields[$0] }.first { !$0.isEmpty } }
    var date: String? { Self.dateKeys.lazy.compactMap { fields[$0] }.first { !$0.isEmpty } }

    /// The front matter at the start of `bytes`, or nil when there is none.
    static func read(_ bytes: [UInt8]) -> FrontMatter? {
        guard let (marker, firstLineEnd) = opening(bytes) else { return nil }
        var matter = FrontMatter(bodyStart: 0)
        var lineStart = firstLineEnd + 1
        var lines = 0
        while lineStart < bytes.count, lines < maximumLines {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = ByteSearch.trimmed(bytes[lineStart..<lineEnd])
            if line.elementsEqual(marker)
                || marker.first == UInt8(ascii: "-") && line.elementsEqual(Array("...".utf8))
            {
                matter.bodyStart = min(lineEnd + 1, bytes.count)
                return matter
            }
            matter.readField(
                line, separator: marker.first == UInt8(ascii: "+") ? UInt8(ascii: "=") : UInt8(ascii: ":"))
            lineStart = lineEnd + 1
            lines += 1
        }
        return nil
    }

    private static func opening(_ bytes: [UInt8]) -> ([UInt8], Int)? {
        for marker in [Array("---".utf8), Array("+++".utf8)] where bytes.starts(with: marker) {
            let lineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
            guard lineEnd < bytes.count, ByteSearch.trimmed(bytes[..<lineEnd]).elementsEqual(marker) else {
                return nil
            }
            return (marker, lineEnd)
        }
        return nil
    }

    private mutating func readField(_ line: ArraySlice<UInt8>, separator: UInt8) {
        // Nested and list lines ("  - a", "tags:") carry nothing read here.
        guard let first = line.first, ByteClass.isLetter(first),
            let split = line.firstIndex(of: separator)
        else { return }
        let key = String(
            decoding: ByteSearch.trimmed(line[..<split]).map(ByteClass.lowercased), as: UTF8.self)
        var value = ByteSearch.trimmed(line[(split + 1)...])
        if let quote = value.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
            value.count >= 2,
            value.last == quote
        {
            value = value.dropFirst().dropLast()
        }
        if fields[key] == nil { fields[key] = String(decoding: value, as: UTF8.self) }
    }
}
