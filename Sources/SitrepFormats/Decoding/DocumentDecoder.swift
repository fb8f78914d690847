/// Bytes of a file or record -> documents. Pure: no I/O, no clock; never traps on any input.
public enum DocumentDecoder {
    /// A whole file's bytes -> its documents. For .jsonLines: every complete line (blank lines skipped) is a
    /// record; record/offset set on each document. For .feed: one document per RSS <item>/Atom <entry>,
    /// record set. Throws when nothing usable can be decoded (e.g. a .json that is not an object with
    /// "text"/"content"/"body"). `vocabulary` names the class words of page furniture for .html pages.
    public static func decode(
        _ bytes: [UInt8], format: DocumentFormat, vocabulary: PageVocabulary = PageVocabulary()
    ) throws(DecodeError) -> [Document] {
        let (bytes, note) = utf8(bytes)
        var documents = try decodeUTF8(bytes, format: format, vocabulary: vocabulary)
        if let note, !documents.isEmpty { documents[0].notes.insert(note, at: 0) }
        return documents
    }

    /// The bytes as UTF-8: UTF-16 with a byte order mark is transcoded (with a note saying so), anything
    /// else is returned as it is for the text normaliser.
    public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], note: String?) {
        guard let order = UTF16Transcoder.byteOrder(of: bytes) else { return (bytes, nil) }
        return (UTF16Transcoder.utf8(bytes[...], order: order), UTF16Transcoder.note(order))
    }

    private static func decodeUTF8(
        _ bytes: [UInt8], format: DocumentFormat, vocabulary: PageVocabulary
    ) throws(DecodeError) -> [Document] {
        switch format {
        case .text: [try PlainTextDecoder.decode(bytes[...], markdown: false)]
        case .markdown: [try PlainTextDecoder.decode(bytes[...], markdown: true)]
        case .html: [try HTMLDocumentDecoder.decode(bytes[...], vocabulary: vocabulary)]
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
