/// JSON lines: one article object per line.
enum JSONLinesDecoder {
    /// Every non-blank line of a whole file, the last one even without its newline. Bad lines become
    /// notes on the next good document (or the last one), so one broken line never loses the others.
    static func decodeFile(_ bytes: ArraySlice<UInt8>) throws(DecodeError) -> [Document] {
        var reader = JSONLinesReader(bytes)
        var documents: [Document] = []
        while let document = reader.next() { documents.append(document) }
        let trailingNotes = try reader.finish()
        documents[documents.count - 1].notes.append(contentsOf: trailingNotes)
        return documents
    }

    /// One line; the error carries no record context (the callers add it).
    static func decodeLine(_ line: ArraySlice<UInt8>, record: Int, offset: Int) throws(DecodeError)
        -> Document
    {
        let trimmed = ByteSearch.trimmed(line)
        guard !trimmed.isEmpty else { throw DecodeError(.empty, "blank line") }
        let value = try JSONParser.parse(trimmed)
        guard case .object = value else {
            throw DecodeError(.notAnObject, "\(value.kindPhrase), not an object")
        }
        var document = try JSONArticleDecoder.document(from: value)
        document.record = record
        document.offset = offset
        return document
    }
}
