/// Formats sitrep does not read, told by their first bytes (file signatures), so that a PDF or a Word
/// file is refused with a clear reason instead of being read as text of mojibake.
public enum BinarySignature {
    /// Signatures and the names of the formats they open, as published for each format.
    static let signatures: [(bytes: [UInt8], name: String)] = [
        (Array("%PDF".utf8), "PDF"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP container (.docx, .xlsx, .odt, .epub, .zip)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE compound file (.doc, .xls, .ppt, .msg)"),
        (Array("{\\rtf".utf8), "RTF"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF8".utf8), "GIF image"),
        ([0x1F, 0x8B], "gzip"),
        (Array("BZh".utf8), "bzip2"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7-Zip"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        (Array("SQLite format 3".utf8), "SQLite database"),
    ]

    /// Bytes looked at for NUL bytes, which text never holds (UTF-16 is decoded before this test).
    static let window = 8_192

    /// The name of the binary format `bytes` are in, or nil when they may be text.
    public static func format(of bytes: [UInt8]) -> String? {
        for (signature, name) in signatures where bytes.starts(with: signature) { return name }
        let head = bytes.prefix(window)
        let nulls = head.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        // A stray NUL is damage the normaliser repairs; many are a binary file.
        return nulls > max(8, head.count / 100) ? "binary data (NUL bytes)" : nil
    }

    /// Why such a file is refused, as the daemon words it.
    public static func refusal(_ name: String) -> String {
        "unsupported file type: \(name); sitrep reads .txt, .md, .html, .htm, .json, .jsonl, .ndjson and .xml "
            + "(convert other formats to text first, e.g. with pdftotext)"
    }
}
