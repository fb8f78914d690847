/// HTML to plain text in one forward pass over the bytes: no tree, no recursion, linear time on any input.
/// Browsers' recovery rules are approximated where it matters for text: unterminated comments and skipped
/// elements run to the end, a "<" that starts no tag is text, quoted attribute values may contain ">".
public enum HTMLConverter {
    /// Text and metadata of an HTML page or fragment.
    public struct Page: Sendable, Equatable {
        public var text: String
        public var title: String?
        public var url: String?
        public var published: String?
    }

    /// Converts raw bytes, normalising them first (invalid UTF-8, controls, mojibake) and NFC after.
    public static func convert(_ bytes: some Collection<UInt8>, notes: inout [String]) -> Page {
        let cleaned = TextNormalizer().cleanedBytes(Array(bytes)[...], notes: &notes)
        return convert(cleaned: cleaned, notes: &notes)
    }

    /// Converts bytes already passed through `TextNormalizer.cleanedBytes` (without entity decoding).
    /// With `mainContent`, a whole page is reduced to its article body (see `MainContentSelector`);
    /// fragments (a feed item's description) keep all their text.
    static func convert(
        cleaned bytes: [UInt8], notes: inout [String], mainContent: Bool = false,
        vocabulary: PageVocabulary = PageVocabulary()
    ) -> Page {
        var scanner = HTMLScanner(bytes: bytes, vocabulary: vocabulary)
        scanner.run()
        let normalizer = TextNormalizer(repairsMojibake: false)
        let text = mainContent ? Self.mainText(scanner) : scanner.builder.bytes
        var page = Page(text: normalizer.finish(text))
        page.title = scanner.title.map { normalizer.finish($0) }.flatMap { $0.isEmpty ? nil : $0 }
        page.url = scanner.canonicalURL ?? scanner.ogURL
        if page.title == nil { page.title = scanner.ogTitle }
        if let raw = scanner.published?.value {
            page.published = DateNormalizer.normalize(raw)
            if page.published == nil { notes.append("unrecognised publication date \"\(raw)\"") }
        }
        return page
    }

    /// The text of the blocks chosen as main content, a paragraph break between blocks that were not
    /// adjacent on the page.
    private static func mainText(_ scanner: HTMLScanner) -> [UInt8] {
        let selected = MainContentSelector.select(scanner.blocks, scanner.containers)
        var out: [UInt8] = []
        out.reserveCapacity(scanner.builder.bytes.count)
        var previous: Int?
        for index in selected {
            let block = scanner.blocks[index]
            var start = block.range.lowerBound
            while start < block.range.upperBound, ByteClass.isWhitespace(scanner.builder.bytes[start]) {
                start += 1
            }
            guard start < block.range.upperBound else { continue }
            if !out.isEmpty {
                let newlines = previous == index - 1 && block.separator == 1 ? 1 : 2
                out.append(contentsOf: repeatElement(0x0A, count: newlines))
            }
            out.append(contentsOf: scanner.builder.bytes[start..<block.range.upperBound])
            previous = index
        }
        return out
    }

    /// Whether a string is HTML markup rather than plain text that happens to contain "<".
    static func looksLikeHTML(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var cursor = open + 1
            if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            let nameStart = cursor
            while cursor < bytes.endIndex, cursor - nameStart < 12, ByteClass.isAlphanumeric(bytes[cursor]) {
                cursor += 1
            }
            if cursor > nameStart, cursor < bytes.endIndex {
                let next = bytes[cursor]
                if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || ByteClass.isWhitespace(next) {
                    let name = String(
                        decoding: bytes[nameStart..<cursor].map(ByteClass.lowercased), as: UTF8.self)
                    if HTMLTag.common.contains(name) { return true }
                }
            }
            index = open + 1
        }
        return false
    }
}
