/// .txt and .md files: the text itself, normalised; Markdown syntax reduced to its words.
enum PlainTextDecoder {
    /// Longest first line that is taken as the title.
    static let maximumTitleLength = 200

    static func decode(_ bytes: ArraySlice<UInt8>, markdown: Bool) throws(DecodeError) -> Document {
        var notes: [String] = []
        let normalizer = TextNormalizer()
        var cleaned = normalizer.cleanedBytes(bytes, notes: &notes)
        var matter: FrontMatter?
        if markdown {
            matter = FrontMatter.read(cleaned)
            if let matter { cleaned.removeSubrange(..<matter.bodyStart) }
            cleaned = MarkdownStripper.strip(cleaned)
        }
        let text = normalizer.finish(cleaned)
        guard !text.isEmpty else { throw DecodeError(.empty, "the file holds no text") }
        var document = Document(
            text: text, title: matter?.title.map(normalizer.normalize) ?? title(of: text), notes: notes)
        if let raw = matter?.date {
            document.published = DateNormalizer.normalize(raw)
            if document.published == nil { document.notes.append("unrecognised publication date \"\(raw)\"") }
        }
        return document
    }

    /// A short first line followed by a blank line reads as a headline; it stays in the text too.
    static func title(of text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let lineEnd = bytes.firstIndex(of: 0x0A), lineEnd > 0 else { return nil }
        var cursor = lineEnd + 1
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == 0x0A else { return nil }
        let line = String(decoding: ByteSearch.trimmed(bytes[..<lineEnd]), as: UTF8.self)
        guard !line.isEmpty, line.unicodeScalars.count < maximumTitleLength else { return nil }
        return line
    }
}
