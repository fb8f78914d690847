/// A tolerant forward scanner over XML markup. It yields start and end tags and steps over text,
/// comments, CDATA sections, processing instructions and declarations. It keeps no element stack, so
/// nesting depth costs nothing, and every byte is examined a bounded number of times.
struct XMLScanner {
    struct Tag {
        /// Lowercased qualified name, e.g. "content:encoded".
        var name: String
        var isEnd: Bool
        var isSelfClosing: Bool
        /// From "<" to after ">".
        var range: Range<Int>
        /// The bytes between the name and the closing ">" (attributes), for `attributes(of:)`.
        var attributeRange: Range<Int>
    }

    let bytes: [UInt8]
    private(set) var index = 0
    private var noDoubleQuoteFrom = Int.max
    private var noSingleQuoteFrom = Int.max

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func nextTag() -> Tag? {
        let end = bytes.count
        while index < end {
            guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else {
                index = end
                return nil
            }
            guard open + 1 < end else {
                index = end
                return nil
            }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "!") {
                skipBang(at: open)
            } else if next == UInt8(ascii: "?") {
                index = find("?>", from: open + 2).map { $0 + 2 } ?? end
            } else if next == UInt8(ascii: "/") {
                let (name, nameEnd) = readName(from: open + 2)
                let close = bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? end
                index = close
                if !name.isEmpty {
                    return Tag(
                        name: name, isEnd: true, isSelfClosing: false, range: open..<close,
                        attributeRange: nameEnd..<nameEnd)
                }
            } else if ByteClass.isLetter(next) || next == UInt8(ascii: "_") || next >= 0x80 {
                let (name, nameEnd) = readName(from: open + 1)
                let close = tagEnd(from: nameEnd)
                index = close
                let contentEnd = close > nameEnd && bytes[close - 1] == UInt8(ascii: ">") ? close - 1 : close
                let selfClosing = contentEnd > nameEnd && bytes[contentEnd - 1] == UInt8(ascii: "/")
                return Tag(
                    name: name, isEnd: false, isSelfClosing: selfClosing, range: open..<close,
                    attributeRange: nameEnd..<contentEnd)
            } else {
                index = open + 1
            }
        }
        return nil
    }

    /// Comments, CDATA sections and declarations (a DOCTYPE's internal subset may contain ">").
    private mutating func skipBang(at open: Int) {
        let end = bytes.count
        if matches("<!--", at: open) {
            index = find("-->", from: open + 4).map { $0 + 3 } ?? end
        } else if matches("<![CDATA[", at: open) {
            index = find("]]>", from: open + 9).map { $0 + 3 } ?? end
        } else {
            var cursor = open + 2
            while cursor < end, bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "[") {
                cursor += 1
            }
            if cursor < end, bytes[cursor] == UInt8(ascii: "[") {
                cursor = find("]", from: cursor) ?? end
            }
            index =
                cursor < end
                ? (bytes[cursor...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? end) : end
        }
    }

    /// The index after the ">" closing a start tag, stepping over quoted attribute values.
    private mutating func tagEnd(from start: Int) -> Int {
        let end = bytes.count
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") { return cursor + 1 }
            if byte == UInt8(ascii: "<") { return cursor }  // a tag left open: the next one starts here
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = closingQuote(byte, from: cursor + 1) else {
                    return bytes[cursor...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? end
                }
                cursor = close + 1
                continue
            }
            cursor += 1
        }
        return end
    }

    private mutating func closingQuote(_ quote: UInt8, from start: Int) -> Int? {
        let known = quote == UInt8(ascii: "\"") ? noDoubleQuoteFrom : noSingleQuoteFrom
        guard start < known, start < bytes.count else { return nil }
        if let found = bytes[start...].firstIndex(of: quote) { return found }
        if quote == UInt8(ascii: "\"") { noDoubleQuoteFrom = start } else { noSingleQuoteFrom = start }
        return nil
    }

    private func readName(from start: Int) -> (String, Int) {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if ByteClass.isWhitespace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
            {
                break
            }
            end += 1
        }
        let length = min(end - start, 64)
        return (
            String(decoding: bytes[start..<(start + length)].map(ByteClass.lowercased), as: UTF8.self), end
        )
    }

    func matches(_ literal: String, at position: Int) -> Bool {
        let count = literal.utf8.count
        return position + count <= bytes.count
            && literal.utf8.elementsEqual(bytes[position..<(position + count)])
    }

    func find(_ literal: String, from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        return ByteSearch.firstIndex(of: Array(literal.utf8), in: bytes[...], from: start)
    }

    /// Attributes of a start tag: lowercased names, entity-decoded values.
    func attributes(of tag: Tag) -> [String: String] {
        var attributes: [String: String] = [:]
        var cursor = tag.attributeRange.lowerBound
        let end = tag.attributeRange.upperBound
        while cursor < end {
            while cursor < end, ByteClass.isWhitespace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") {
                cursor += 1
            }
            let nameStart = cursor
            while cursor < end, !ByteClass.isWhitespace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "=") {
                cursor += 1
            }
            guard cursor > nameStart else { break }
            let name = String(decoding: bytes[nameStart..<cursor].map(ByteClass.lowercased), as: UTF8.self)
            while cursor < end, ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < end, ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < end else { break }
            let valueRange: Range<Int>
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let close = bytes[(cursor + 1)..<end].firstIndex(of: quote) ?? end
                valueRange = (cursor + 1)..<close
                cursor = min(close + 1, end)
            } else {
                let start = cursor
                while cursor < end, !ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
                valueRange = start..<cursor
            }
            if attributes[name] == nil {
                attributes[name] = String(decoding: HTMLEntities.decodeAll(bytes[valueRange]), as: UTF8.self)
            }
        }
        return attributes
    }

    /// Character data of `range`: CDATA sections taken literally, entities decoded elsewhere (unless
    /// `decodingEntities` is false), comments dropped.
    func characterData(_ range: Range<Int>, decodingEntities: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            guard
                let open = ByteSearch.firstIndex(
                    of: Array("<!".utf8), in: bytes[..<range.upperBound], from: cursor)
            else {
                appendEscaped(bytes[cursor..<range.upperBound], to: &out, decodingEntities)
                break
            }
            appendEscaped(bytes[cursor..<open], to: &out, decodingEntities)
            if matches("<![CDATA[", at: open) {
                let close = ByteSearch.firstIndex(
                    of: Array("]]>".utf8), in: bytes[..<range.upperBound], from: open + 9)
                out.append(contentsOf: bytes[(open + 9)..<(close ?? range.upperBound)])
                cursor = close.map { $0 + 3 } ?? range.upperBound
            } else if matches("<!--", at: open) {
                let close = ByteSearch.firstIndex(
                    of: Array("-->".utf8), in: bytes[..<range.upperBound], from: open + 4)
                cursor = close.map { $0 + 3 } ?? range.upperBound
            } else {
                out.append(contentsOf: bytes[open..<(open + 2)])
                cursor = open + 2
            }
        }
        return out
    }

    private func appendEscaped(_ slice: ArraySlice<UInt8>, to out: inout [UInt8], _ decodingEntities: Bool) {
        if decodingEntities, slice.contains(UInt8(ascii: "&")) {
            out.append(contentsOf: HTMLEntities.decodeAll(slice))
        } else {
            out.append(contentsOf: slice)
        }
    }
}
