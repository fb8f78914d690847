extension DocumentFormat {
    /// Guess from content (for stdin): '{' first non-space byte -> json if the whole is one object, jsonLines
    /// if several lines each start with '{'; '<' -> feed when <rss or <feed or <rdf appears, else html; else text.
    public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
        if let order = UTF16Transcoder.byteOrder(of: bytes.prefix(4)) {
            return sniff(UTF16Transcoder.utf8(bytes[...], order: order))
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, ByteClass.isWhitespace(bytes[start]) { start += 1 }
        guard start < bytes.count else { return .text }
        switch bytes[start] {
        case UInt8(ascii: "{"):
            return sniffObjects(bytes, from: start)
        case UInt8(ascii: "["):
            return .json
        case UInt8(ascii: "<"):
            return sniffMarkup(bytes, from: start)
        default:
            return .text
        }
    }

    /// One object followed by nothing but whitespace is a JSON document; anything after it makes a stream.
    private static func sniffObjects(_ bytes: [UInt8], from start: Int) -> DocumentFormat {
        guard let end = JSONScanner.endOfContainer(bytes, from: start) else {
            // An unterminated first value: several lines each opening an object still read as a stream.
            return bytes[start...].contains(UInt8(ascii: "\n")) && linesLookLikeRecords(bytes, from: start)
                ? .jsonLines : .json
        }
        var index = end
        while index < bytes.count, ByteClass.isWhitespace(bytes[index]) { index += 1 }
        return index == bytes.count ? .json : .jsonLines
    }

    private static func linesLookLikeRecords(_ bytes: [UInt8], from start: Int) -> Bool {
        var lines = 0
        var index = start
        while index < bytes.count {
            var lineStart = index
            while lineStart < bytes.count, bytes[lineStart] == UInt8(ascii: " ") || bytes[lineStart] == 9 {
                lineStart += 1
            }
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if lineStart < lineEnd, bytes[lineStart] != UInt8(ascii: "\r") {
                guard bytes[lineStart] == UInt8(ascii: "{") else { return false }
                lines += 1
            }
            index = lineEnd + 1
        }
        return lines > 1
    }

    private static func sniffMarkup(_ bytes: [UInt8], from start: Int) -> DocumentFormat {
        // Feeds name their root element early; a bounded window keeps sniffing cheap on large pages.
        let window = bytes[start..<min(bytes.count, start + 65_536)]
        for marker in ["<rss", "<feed", "<rdf:rdf"]
        where ByteSearch.containsASCIICaseInsensitive(window, marker) {
            return .feed
        }
        return .html
    }
}
