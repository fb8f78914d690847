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
    static func convert(cleaned bytes: [UInt8], notes: inout [String]) -> Page {
        var scanner = HTMLScanner(bytes: bytes)
        scanner.run()
        let normalizer = TextNormalizer(repairsMojibake: false)
        var page = Page(text: normalizer.finish(scanner.builder.bytes))
        page.title = scanner.title.map { normalizer.finish($0) }.flatMap { $0.isEmpty ? nil : $0 }
        page.url = scanner.canonicalURL ?? scanner.ogURL
        if page.title == nil { page.title = scanner.ogTitle }
        if let raw = scanner.publishedMeta?.value ?? scanner.timeDatetime {
            page.published = DateNormalizer.normalize(raw)
            if page.published == nil { notes.append("unrecognised publication date \"\(raw)\"") }
        }
        return page
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
