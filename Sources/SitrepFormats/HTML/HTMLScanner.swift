/// The state of one pass over an HTML document. See `HTMLConverter`.
struct HTMLScanner {
    let bytes: [UInt8]
    var builder: TextBuilder
    var title: [UInt8]?
    var ogTitle: String?
    var canonicalURL: String?
    var ogURL: String?
    var publishedMeta: (rank: Int, value: String)?
    var timeDatetime: String?

    private var index = 0
    private var inHead = false
    /// Positions from which no further `"` or `'` exists; keeps malformed attribute quoting linear.
    private var noDoubleQuoteFrom = Int.max
    private var noSingleQuoteFrom = Int.max

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.builder = TextBuilder(capacity: bytes.count / 2)
    }

    mutating func run() {
        let end = bytes.count
        var textStart = 0
        while index < end {
            guard let open = nextOpen(from: index) else { break }
            index = open
            guard let kind = markupKind(at: open) else {
                index = open + 1
                continue
            }
            flushText(textStart..<open)
            switch kind {
            case .comment: skipComment()
            case .declaration: index = firstIndex(of: UInt8(ascii: ">"), from: open + 1).map { $0 + 1 } ?? end
            case .endTag: handleEndTag()
            case .startTag: handleStartTag()
            }
            textStart = index
        }
        flushText(textStart..<end)
    }

    private enum MarkupKind { case comment, declaration, endTag, startTag }

    private func markupKind(at open: Int) -> MarkupKind? {
        guard open + 1 < bytes.count else { return nil }
        let next = bytes[open + 1]
        if ByteClass.isLetter(next) { return .startTag }
        if next == UInt8(ascii: "/") {
            return open + 2 < bytes.count && ByteClass.isLetter(bytes[open + 2]) ? .endTag : nil
        }
        if next == UInt8(ascii: "!") {
            return open + 3 < bytes.count && bytes[open + 2] == UInt8(ascii: "-")
                && bytes[open + 3] == UInt8(ascii: "-")
                ? .comment : .declaration
        }
        return next == UInt8(ascii: "?") ? .declaration : nil
    }

    private func nextOpen(from start: Int) -> Int? {
        firstIndex(of: UInt8(ascii: "<"), from: start)
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private mutating func flushText(_ range: Range<Int>) {
        guard !range.isEmpty, !inHead else { return }
        builder.appendText(bytes[range], decodingEntities: true)
    }

    private mutating func skipComment() {
        let search = index + 4
        if let close = ByteSearch.firstIndex(
            of: Array("-->".utf8), in: bytes[...], from: min(search, bytes.count))
        {
            index = close + 3
        } else {
            index = bytes.count
        }
    }

    private mutating func handleEndTag() {
        let nameStart = index + 2
        let (name, nameEnd) = readName(from: nameStart)
        index = firstIndex(of: UInt8(ascii: ">"), from: nameEnd).map { $0 + 1 } ?? bytes.count
        switch HTMLTag.roles[name] {
        case .paragraph: builder.requestBreak(2)
        case .line: builder.requestBreak(1)
        case .cell: builder.requestSpace()
        case .head: inHead = false
        default: break
        }
    }

    private mutating func handleStartTag() {
        let (name, nameEnd) = readName(from: index + 1)
        let role = HTMLTag.roles[name]
        let wantsAttributes = role == .meta || role == .link || role == .time
        let (attributes, tagEnd) = readAttributes(from: nameEnd, collecting: wantsAttributes)
        index = tagEnd
        switch role {
        case .paragraph:
            inHead = false
            builder.requestBreak(2)
        case .line: builder.requestBreak(1)
        case .cell: builder.requestSpace()
        case .head: inHead = true
        case .body: inHead = false
        case .skipped: skipElement(named: name)
        case .title: readTitle()
        case .meta: readMeta(attributes)
        case .link:
            if canonicalURL == nil, let rel = attributes["rel"],
                rel.lowercased().split(separator: " ").contains("canonical"),
                let href = attributes["href"], !href.isEmpty
            {
                canonicalURL = href
            }
        case .time:
            if timeDatetime == nil, let datetime = attributes["datetime"], !datetime.isEmpty {
                timeDatetime = datetime
            }
        case nil: break
        }
    }

    /// Lowercased tag name starting at `start` and the index after it.
    private func readName(from start: Int) -> (String, Int) {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            guard ByteClass.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            else {
                break
            }
            end += 1
        }
        let length = min(end - start, 32)
        let name = String(unsafeUninitializedCapacity: length) { buffer in
            for offset in 0..<length { buffer[offset] = ByteClass.lowercased(bytes[start + offset]) }
            return length
        }
        return (name, end)
    }

    /// Attributes (names lowercased, values entity-decoded) and the index after the tag's ">".
    private mutating func readAttributes(from start: Int, collecting: Bool) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var cursor = start
        let end = bytes.count
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") { return (attributes, cursor + 1) }
            if ByteClass.isWhitespace(byte) || byte == UInt8(ascii: "/") {
                cursor += 1
                continue
            }
            let nameStart = cursor
            while cursor < end {
                let next = bytes[cursor]
                if ByteClass.isWhitespace(next) || next == UInt8(ascii: "=") || next == UInt8(ascii: ">")
                    || next == UInt8(ascii: "/")
                {
                    break
                }
                cursor += 1
            }
            let nameEnd = cursor
            if cursor == nameStart { cursor += 1 }
            while cursor < end, ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < end, ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < end else { break }
            let valueRange: Range<Int>
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = closingQuote(quote, from: cursor + 1) else {
                    // An unterminated quote: recover by ending the tag at the next ">".
                    let close = firstIndex(of: UInt8(ascii: ">"), from: cursor).map { $0 + 1 } ?? end
                    return (attributes, close)
                }
                valueRange = (cursor + 1)..<close
                cursor = close + 1
            } else {
                let valueStart = cursor
                while cursor < end, !ByteClass.isWhitespace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">")
                {
                    cursor += 1
                }
                valueRange = valueStart..<cursor
            }
            if collecting {
                let name = String(
                    decoding: bytes[nameStart..<nameEnd].map(ByteClass.lowercased), as: UTF8.self)
                var value = TextBuilder()
                value.appendText(bytes[valueRange], decodingEntities: true)
                if attributes[name] == nil { attributes[name] = String(decoding: value.bytes, as: UTF8.self) }
            }
        }
        return (attributes, end)
    }

    private mutating func closingQuote(_ quote: UInt8, from start: Int) -> Int? {
        let known = quote == UInt8(ascii: "\"") ? noDoubleQuoteFrom : noSingleQuoteFrom
        if start >= known { return nil }
        if let found = firstIndex(of: quote, from: start) { return found }
        if quote == UInt8(ascii: "\"") { noDoubleQuoteFrom = start } else { noSingleQuoteFrom = start }
        return nil
    }

    /// Skips to after `</name ...>`, or to the end when the element is never closed.
    private mutating func skipElement(named name: String) {
        guard let close = ByteSearch.firstIndex(of: Array("</\(name)".utf8), in: bytes[...], from: index)
        else {
            index = bytes.count
            return
        }
        index = firstIndex(of: UInt8(ascii: ">"), from: close).map { $0 + 1 } ?? bytes.count
    }

    private mutating func readTitle() {
        let close = ByteSearch.firstIndex(of: Array("</title".utf8), in: bytes[...], from: index)
        // An unclosed title ends at the next tag rather than swallowing the page.
        let contentEnd = close ?? nextOpen(from: index) ?? bytes.count
        if title == nil {
            var text = TextBuilder()
            text.appendText(bytes[index..<contentEnd], decodingEntities: true)
            title = text.bytes
        }
        if let close {
            index = firstIndex(of: UInt8(ascii: ">"), from: close).map { $0 + 1 } ?? bytes.count
        } else {
            index = contentEnd
        }
    }

    private mutating func readMeta(_ attributes: [String: String]) {
        guard let content = attributes["content"]?.trimmingSpaces, !content.isEmpty else { return }
        for key in ["property", "name", "itemprop"] {
            guard let name = attributes[key]?.lowercased() else { continue }
            if let rank = HTMLTag.publishedMetaRank[name], rank < (publishedMeta?.rank ?? Int.max) {
                publishedMeta = (rank, content)
            }
            if name == "og:url", ogURL == nil { ogURL = content }
            if name == "og:title", ogTitle == nil { ogTitle = content }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(decoding: ByteSearch.trimmed(Array(utf8)[...]), as: UTF8.self)
    }
}
