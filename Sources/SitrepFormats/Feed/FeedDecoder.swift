/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry. The body (content, else
/// description/summary) is the text; HTML in it is converted. Elements are matched by name, not by a
/// tree, so malformed or deeply nested feeds cost linear time and no stack.
enum FeedDecoder {
    private enum Field {
        case title, link, summary, content, published, updated, id
    }

    private static let itemNames: Set<String> = ["item", "entry", "atom:entry", "rss:item"]
    private static let rootNames: Set<String> = ["rss", "feed", "rdf:rdf", "channel", "atom:feed"]
    private static let fields: [String: Field] = [
        "title": .title, "atom:title": .title, "dc:title": .title,
        "link": .link, "atom:link": .link,
        "description": .summary, "summary": .summary, "atom:summary": .summary,
        "content:encoded": .content, "content": .content, "atom:content": .content,
        "pubdate": .published, "published": .published, "atom:published": .published, "dc:date": .published,
        "dcterms:issued": .published, "dcterms:created": .published, "issued": .published,
        "updated": .updated, "atom:updated": .updated, "dcterms:modified": .updated, "modified": .updated,
        "guid": .id, "id": .id, "atom:id": .id,
    ]

    /// What one item has gathered so far, as raw byte ranges of the feed.
    private struct Item {
        var start: Int
        var fields: [Field: [UInt8]] = [:]
        var href: String?
    }

    /// A field element whose end tag is being looked for.
    private struct OpenField {
        var field: Field
        var name: String
        var contentStart: Int
        var depth = 0
        var isXHTML: Bool
        /// A date of the channel or feed itself, outside any item.
        var isChannelDate = false
    }

    /// Elements of a channel or feed that date it, for items that carry no date of their own.
    private static let channelDateNames: Set<String> = [
        "pubdate", "lastbuilddate", "dc:date", "updated", "atom:updated", "published", "atom:published",
    ]

    static func decode(_ bytes: ArraySlice<UInt8>) throws(DecodeError) -> [Document] {
        var fileNotes: [String] = []
        let cleaned = TextNormalizer().cleanedBytes(bytes, notes: &fileNotes)
        var scanner = XMLScanner(bytes: cleaned)
        var sawRoot = false
        var item: Item?
        var open: OpenField?
        var documents: [Document] = []
        var skipped: [String] = []
        var record = 0
        var channelDate: [UInt8]?

        func finishItem(_ finished: Item) {
            do {
                var document = try self.document(from: finished, scanner: scanner)
                document.record = record
                document.offset = finished.start
                documents.append(document)
            } catch {
                skipped.append("record \(record) at byte \(finished.start): \(error.description)")
            }
            record += 1
        }

        while let tag = scanner.nextTag() {
            if var current = open {
                if tag.name == current.name {
                    if tag.isEnd {
                        if current.depth == 0 {
                            let raw = scanner.characterData(
                                current.contentStart..<tag.range.lowerBound,
                                decodingEntities: !current.isXHTML)
                            if current.isChannelDate {
                                if channelDate == nil { channelDate = raw }
                            } else if item?.fields[current.field] == nil {
                                item?.fields[current.field] = raw
                            }
                            open = nil
                        } else {
                            current.depth -= 1
                            open = current
                        }
                    } else if !tag.isSelfClosing {
                        current.depth += 1
                        open = current
                    }
                    continue
                }
                // An item that ends inside an unclosed field closes the field with it; an unclosed
                // channel date ends at the next tag of any kind, so that it never hides the items.
                if current.isChannelDate {
                    open = nil
                } else {
                    guard tag.isEnd, itemNames.contains(tag.name) else { continue }
                    open = nil
                }
            }
            if rootNames.contains(tag.name) { sawRoot = true }
            if itemNames.contains(tag.name) {
                if let current = item { finishItem(current) }
                item = tag.isEnd || tag.isSelfClosing ? nil : Item(start: tag.range.lowerBound)
                continue
            }
            if item == nil, channelDate == nil, !tag.isEnd, !tag.isSelfClosing,
                channelDateNames.contains(tag.name)
            {
                open = OpenField(
                    field: .published, name: tag.name, contentStart: tag.range.upperBound, isXHTML: false,
                    isChannelDate: true)
                continue
            }
            guard !tag.isEnd, item != nil, let field = fields[tag.name] else { continue }
            let attributes =
                field == .link || field == .content || field == .summary || field == .title
                ? scanner.attributes(of: tag) : [:]
            if field == .link, let href = attributes["href"], !href.isEmpty {
                let rel = attributes["rel"]?.lowercased() ?? "alternate"
                if rel == "alternate" && item?.href == nil { item?.href = href }
            }
            if !tag.isSelfClosing {
                let isXHTML = attributes["type"]?.lowercased() == "xhtml"
                open = OpenField(
                    field: field, name: tag.name, contentStart: tag.range.upperBound, isXHTML: isXHTML)
            }
        }
        if let current = item { finishItem(current) }

        guard sawRoot || record > 0 else {
            throw DecodeError(
                .invalidFeed, "neither an RSS nor an Atom document (no <rss>, <feed> or <item>)")
        }
        guard !documents.isEmpty else {
            if record == 0 { throw DecodeError(.empty, "the feed has no items") }
            throw DecodeError(.invalidFeed, "no readable item; \(skipped.first ?? "")")
        }
        if let channelDate {
            applyChannelDate(channelDate, to: &documents)
        }
        documents[0].notes.insert(contentsOf: fileNotes, at: 0)
        documents[documents.count - 1].notes.append(contentsOf: skipped)
        return documents
    }

    private static func document(from item: Item, scanner: XMLScanner) throws(DecodeError) -> Document {
        var notes: [String] = []
        let title = item.fields[.title].map { singleLine($0, notes: &notes) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        var text = ""
        for field in [Field.content, .summary] {
            guard let raw = item.fields[field] else { continue }
            text = JSONArticleDecoder.markupText(raw, notes: &notes)
            if !text.isEmpty { break }
        }
        if text.isEmpty {
            guard let title else {
                throw DecodeError(.missingText, "item without title, description or content")
            }
            text = title
            notes.append("item has no description or content; its title is the text")
        }
        var document = Document(text: text, title: title, notes: notes)
        let link = item.fields[.link].map { singleLine($0, notes: &notes) }.flatMap { $0.isEmpty ? nil : $0 }
        document.url = link ?? item.href
        document.id = item.fields[.id].map { singleLine($0, notes: &notes) }.flatMap { $0.isEmpty ? nil : $0 }
        if let raw = (item.fields[.published] ?? item.fields[.updated]).map({ singleLine($0, notes: &notes) }
        ),
            !raw.isEmpty
        {
            document.published = DateNormalizer.normalize(raw)
            if document.published == nil { notes.append("unrecognised publication date \"\(raw)\"") }
        }
        document.notes = notes
        return document
    }

    /// Items without a date of their own take the channel's (RSS `<pubDate>` or `<lastBuildDate>`, Atom
    /// `<updated>` of the feed).
    private static func applyChannelDate(_ raw: [UInt8], to documents: inout [Document]) {
        var notes: [String] = []
        let text = singleLine(raw, notes: &notes)
        guard !text.isEmpty else { return }
        let normalized = DateNormalizer.normalize(text)
        for index in documents.indices where documents[index].published == nil {
            if let normalized {
                documents[index].published = normalized
            } else {
                documents[index].notes.append(
                    "record \(documents[index].record ?? index): unrecognised channel publication date \"\(text)\""
                )
            }
        }
    }

    /// Character data as one line: markup removed when present, whitespace collapsed.
    private static func singleLine(_ raw: [UInt8], notes: inout [String]) -> String {
        let text = JSONArticleDecoder.markupText(raw, notes: &notes)
        var builder = TextBuilder()
        builder.appendText(Array(text.utf8)[...], decodingEntities: false)
        return String(decoding: builder.bytes, as: UTF8.self)
    }
}
