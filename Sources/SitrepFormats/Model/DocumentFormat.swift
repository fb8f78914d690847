/// The input formats a file in the inbox (or a stream on stdin) can have.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, jsonLines, feed

    /// By file extension, case-insensitive: .txt .text -> text, .md .markdown -> markdown, .html .htm -> html,
    /// .json -> json, .jsonl .ndjson -> jsonLines, .xml .rss .atom -> feed. nil for anything else.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        let base = fileName[..<dot]
        // A name that is only an extension after a path separator (".../.txt") is a hidden file.
        if base.hasSuffix("/") { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        case "xml", "rss", "atom": self = .feed
        default: return nil
        }
    }

    /// Whether files of this format are tailed line by line (only jsonLines).
    public var isStream: Bool { self == .jsonLines }
}
