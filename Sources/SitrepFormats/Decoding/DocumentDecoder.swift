/// Bytes of a file or record -> documents. Pure: no I/O, no clock; never traps on any input.
public enum DocumentDecoder {
    /// A whole file's bytes -> its documents. For .jsonLines: every complete line (blank lines skipped) is a
    /// record; record/offset set on each document. For .feed: one document per RSS <item>/Atom <entry>,
    /// record set. Throws when nothing usable can be decoded (e.g. a .json that is not an object with
    /// "text"/"content"/"body").
    public static func decode(_ bytes: [UInt8], format: DocumentFormat) throws(DecodeError) -> [Document] {
        switch format {
        case .text: [try PlainTextDecoder.decode(bytes[...], markdown: false)]
        case .markdown: [try PlainTextDecoder.decode(bytes[...], markdown: true)]
        case .html: [try HTMLDocumentDecoder.decode(bytes[...])]
        case .json: try JSONArticleDecoder.decodeFile(bytes[...])
        case .jsonLines: try JSONLinesDecoder.decodeFile(bytes[...])
        case .feed: try FeedDecoder.decode(bytes[...])
        }
    }

    /// One line of a .jsonl stream (without its newline) -> a document, with record and offset set.
    /// The error message names the record and offset.
    public static func decodeRecord(
        _ line: ArraySlice<UInt8>, record: Int, offset: Int
    ) throws(DecodeError) -> Document {
        do {
            return try JSONLinesDecoder.decodeLine(line, record: record, offset: offset)
        } catch {
            throw DecodeError(error.code, "record \(record) at byte \(offset): \(error.message)")
        }
    }
}
