/// Markdown -> the words a reader sees.
enum MarkdownStripper {
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        bytes
    }
}
