/// The state of one pass over an HTML document. See `HTMLConverter`.
struct HTMLScanner {
    let bytes: [UInt8]
    var builder: TextBuilder
    var title: [UInt8]?
    var ogTitle: String?
    var canonicalURL: String?
    var ogURL: String?
    /// The best publication date seen so far: lower ranks are better (see `HTMLTag.publishedRank`).
    var published: (rank: Int, value: String)?
    /// Text runs between block boundaries and the block elements they lie in, for the main content.
    private(set) var blocks: [PageBlock] = []
    private(set) var containers: [PageContainer] = [
        PageContainer(
            parent: 0, kind: .other, isStructuralBoilerplate: false, isNamedBoilerplate: false,
            isInsideArticle: false)
    ]
    let vocabulary: PageVocabulary

    private var index = 0
    private var inHead = false
    /// Open block elements: name and container index. Bounded, so that unclosed tags cost nothing more.
    private var stack: [(name: String, container: Int)] = [("", 0)]
    private var block = PageBlock(range: 0..<0, container: 0)
    private var linkDepth: Int?
    private var jsonLDCount = 0
    static let maximumStack = 512
    /// How far an end tag looks down the stack for its element.
    static let endTagReach = 64
    static let maximumJSONLDBlocks = 16
    static let maximumJSONLDBytes = 1 << 20
    /// Positions from which no further `"` or `'` exists; keeps malformed attribute quoting linear.
    private var noDoubleQuoteFrom = Int.max
    private var noSingleQuoteFrom = Int.max

    init(bytes: [UInt8], vocabulary: PageVocabulary = PageVocabulary()) {
        self.bytes = bytes
        self.vocabulary = vocabulary
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
        endBlock(separator: 2)
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
        let before = builder.bytes.count
        builder.appendText(bytes[range], decodingEntities: true)
        let added = builder.bytes.count - before
        guard added > 0 else { return }
        if block.text == 0 { block.container = stack[stack.count - 1].container }
        block.text += added
        if linkDepth != nil { block.linkText += added }
    }

    /// A block boundary: the text since the last one becomes a block.
    private mutating func boundary(_ newlines: Int) {
        endBlock(separator: newlines)
        builder.requestBreak(newlines)
    }

    private mutating func endBlock(separator: Int) {
        let end = builder.bytes.count
        if block.text > 0 {
            block.range = block.range.lowerBound..<end
            blocks.append(block)
            block = PageBlock(
                range: end..<end, container: stack[stack.count - 1].container, separator: separator)
        } else {
            block.range = end..<end
            block.separator = max(block.separator, separator)
            if blocks.isEmpty { block.separator = separator }
        }
    }

    /// A block element opens: a container below the innermost open one.
    private mutating func push(_ name: String, _ attributes: [String: String]) {
        // An open <p> (or <li> before another <li>) ends where the next block starts, as in browsers.
        if let top = stack.last, top.name == "p" || top.name == name && HTMLTag.closesItself.contains(name) {
            pop(to: stack.count - 1)
        }
        let parentIndex = stack[stack.count - 1].container
        let parent = containers[parentIndex]
        var kind = PageContainer.Kind.other
        let role = attributes["role"]?.lowercased()
        if name == "article" || role == "article" || attributes["itemprop"]?.lowercased() == "articlebody" {
            kind = .article
        } else if name == "main" || role == "main" {
            kind = .main
        } else if HTMLTag.paragraphLike.contains(name) {
            kind = .paragraph
        }
        let named =
            (attributes["class"].flatMap(vocabulary.classify) ?? attributes["id"].flatMap(vocabulary.classify))
        if kind == .other, named == .content { kind = .content }
        let structural =
            HTMLTag.furniture.contains(name) || name == "header" && !parent.isInsideArticle
            || role.map { HTMLTag.furnitureRoles.contains($0) } == true || attributes["hidden"] != nil
            || attributes["aria-hidden"]?.lowercased() == "true" || Self.isHiddenByStyle(attributes["style"])
        let container = PageContainer(
            parent: parentIndex, kind: kind,
            isStructuralBoilerplate: parent.isStructuralBoilerplate || structural,
            isNamedBoilerplate: parent.isNamedBoilerplate
                || named == .boilerplate && kind != .article && kind != .main,
            isInsideArticle: parent.isInsideArticle || kind == .article || kind == .main)
        guard stack.count < Self.maximumStack else { return }
        containers.append(container)
        stack.append((name, containers.count - 1))
    }

    /// A block element closes: it and anything left open inside it.
    private mutating func close(_ name: String) {
        var position = stack.count - 1
        let lowest = max(1, stack.count - Self.endTagReach)
        while position >= lowest {
            if stack[position].name == name {
                pop(to: position)
                return
            }
            position -= 1
        }
    }

    private mutating func pop(to count: Int) {
        guard count >= 1, count < stack.count else { return }
        stack.removeSubrange(count...)
        if let depth = linkDepth, depth > stack.count { linkDepth = nil }
    }

    private static func isHiddenByStyle(_ style: String?) -> Bool {
        guard let style else { return false }
        let compact = String(style.lowercased().unicodeScalars.prefix(512).filter { $0 != " " })
        return compact.contains("display:none") || compact.contains("visibility:hidden")
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
        case .paragraph:
            boundary(2)
            close(name)
        case .line: boundary(1)
        case .cell: builder.requestSpace()
        case .head: inHead = false
        case .link where name == "a": linkDepth = nil
        default: break
        }
    }

    private mutating func handleStartTag() {
        let (name, nameEnd) = readName(from: index + 1)
        let role = HTMLTag.roles[name]
        let (attributes, tagEnd) = readAttributes(from: nameEnd, collecting: true)
        index = tagEnd
        if let itemprop = attributes["itemprop"]?.lowercased(), role != .meta,
            let rank = HTMLTag.publishedRank[itemprop],
            let value = attributes["datetime"] ?? attributes["content"]
        {
            offerPublished(value, rank: rank)
        }
        switch role {
        case .paragraph:
            inHead = false
            boundary(2)
            if !HTMLTag.voidElements.contains(name) { push(name, attributes) }
        case .line: boundary(1)
        case .cell: builder.requestSpace()
        case .head: inHead = true
        case .body: inHead = false
        case .skipped:
            if name == "script", attributes["type"]?.lowercased().trimmingSpaces == "application/ld+json" {
                readJSONLD()
            } else {
                skipElement(named: name)
            }
        case .title: readTitle()
        case .meta: readMeta(attributes)
        case .link where name == "a":
            if attributes["href"] != nil { linkDepth = stack.count }
        case .link:
            if canonicalURL == nil, let rel = attributes["rel"],
                rel.lowercased().split(separator: " ").contains("canonical"),
                let href = attributes["href"], !href.isEmpty
            {
                canonicalURL = href
            }
        case .time:
            if let datetime = attributes["datetime"], !datetime.isEmpty {
                let rank =
                    attributes["pubdate"] != nil
                    ? HTMLTag.timePubdateRank
                    : containers[stack[stack.count - 1].container].isInsideArticle
                        ? HTMLTag.articleTimeRank : HTMLTag.timeRank
                offerPublished(datetime, rank: rank)
            }
        case nil: break
        }
    }

    private mutating func offerPublished(_ raw: String, rank: Int) {
        let value = raw.trimmingSpaces
        guard !value.isEmpty, rank < (published?.rank ?? Int.max) else { return }
        published = (rank, value)
    }

    /// A JSON-LD block: its `datePublished` (of the article it describes) is a publication date. The
    /// block is parsed once, bounded in size and number; a broken block is passed over.
    private mutating func readJSONLD() {
        let start = index
        skipElement(named: "script")
        guard jsonLDCount < Self.maximumJSONLDBlocks else { return }
        jsonLDCount += 1
        let close =
            ByteSearch.firstIndex(of: Array("</script".utf8), in: bytes[...], from: start) ?? bytes.count
        guard close - start <= Self.maximumJSONLDBytes,
            let value = try? JSONParser.parse(ByteSearch.trimmed(bytes[start..<close]))
        else { return }
        if let found = JSONLinkedData.datePublished(in: value) {
            offerPublished(
                found.value, rank: found.isCreation ? HTMLTag.jsonLDCreatedRank : HTMLTag.jsonLDRank)
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
            let wanted = collecting ? Self.wantedAttribute(bytes[nameStart..<nameEnd]) : nil
            guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else {
                // A boolean attribute (`hidden`, `pubdate`): present, without a value.
                if let wanted, attributes[wanted] == nil { attributes[wanted] = "" }
                continue
            }
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
            if let name = wanted {
                var value = TextBuilder()
                value.appendText(bytes[valueRange], decodingEntities: true)
                if attributes[name] == nil { attributes[name] = String(decoding: value.bytes, as: UTF8.self) }
            }
        }
        return (attributes, end)
    }

    /// The lowercased name of an attribute the scanner uses, nil for the others (which cost no string).
    private static func wantedAttribute(_ name: ArraySlice<UInt8>) -> String? {
        guard name.count <= 12, !name.isEmpty else { return nil }
        let lowered = String(decoding: name.map(ByteClass.lowercased), as: UTF8.self)
        return HTMLTag.usedAttributes.contains(lowered) ? lowered : nil
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
            if let rank = HTMLTag.publishedRank[name] { offerPublished(content, rank: rank) }
            if name == "parsely-page" || name == "parsely-metadata", content.utf8.count <= 65_536,
                let value = try? JSONParser.parse(Array(content.utf8)[...]),
                case .string(let date)? = value["pub_date"]
            {
                offerPublished(String(decoding: date, as: UTF8.self), rank: HTMLTag.parselyPageRank)
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
