/// JSON lines: one article object per line.
enum JSONLinesDecoder {
    /// Every non-blank line of a whole file, the last one even without its newline. Bad lines become
    /// notes on the next good document (or the last one), so one broken line never loses the others.
    static func decodeFile(_ bytes: ArraySlice<UInt8>) throws(DecodeError) -> [Document] {
        var documents: [Document] = []
        var pendingNotes: [String] = []
        var firstError: DecodeError?
        var lineStart = bytes.startIndex
        var lineNumber = 0
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            let offset = lineStart - bytes.startIndex
            if !ByteSearch.trimmed(line).isEmpty {
                do {
                    var document = try decodeLine(line, record: lineNumber, offset: offset)
                    document.notes.insert(contentsOf: pendingNotes, at: 0)
                    pendingNotes.removeAll()
                    documents.append(document)
                } catch {
                    pendingNotes.append("record \(lineNumber) at byte \(offset): \(error.description)")
                    if firstError == nil {
                        firstError = DecodeError(
                            error.code, "record \(lineNumber) at byte \(offset): \(error.message)")
                    }
                }
            }
            lineNumber += 1
            lineStart = lineEnd + 1
        }
        guard !documents.isEmpty else {
            guard let firstError else { throw DecodeError(.empty, "the file holds no records") }
            let more = pendingNotes.count > 1 ? " (and \(pendingNotes.count - 1) more bad lines)" : ""
            throw DecodeError(firstError.code, "no usable record; \(firstError.message)\(more)")
        }
        if !pendingNotes.isEmpty {
            documents[documents.count - 1].notes.append(contentsOf: pendingNotes)
        }
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
            throw DecodeError(.notAnObject, "a JSON \(value.kindName), not an object")
        }
        var document = try JSONArticleDecoder.document(from: value)
        document.record = record
        document.offset = offset
        return document
    }
}
