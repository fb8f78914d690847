/// The documents of a JSON-lines file decoded one at a time, so a large file is never held decoded
/// all at once. Bad lines become notes on the next good document; `finish()` gives those after the
/// last one, or the error when no line was usable.
public struct JSONLinesReader {
    private let bytes: ArraySlice<UInt8>
    private var lineStart: Int
    private var lineNumber = 0
    private var pendingNotes: [String] = []
    private var firstError: DecodeError?
    private var documentCount = 0

    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        lineStart = bytes.startIndex
    }

    /// The next good document, with the notes of the bad lines before it; nil at the end.
    public mutating func next() -> Document? {
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            let offset = lineStart - bytes.startIndex
            let record = lineNumber
            lineNumber += 1
            lineStart = lineEnd + 1
            guard !ByteSearch.trimmed(line).isEmpty else { continue }
            do {
                var document = try JSONLinesDecoder.decodeLine(line, record: record, offset: offset)
                document.notes.insert(contentsOf: pendingNotes, at: 0)
                pendingNotes.removeAll()
                documentCount += 1
                return document
            } catch {
                pendingNotes.append("record \(record) at byte \(offset): \(error.description)")
                if firstError == nil {
                    firstError = DecodeError(
                        error.code, "record \(record) at byte \(offset): \(error.message)")
                }
            }
        }
        return nil
    }

    /// Once `next()` has returned nil: the notes of bad lines after the last good document; throws
    /// when the file held no usable record.
    public func finish() throws(DecodeError) -> [String] {
        guard documentCount > 0 else {
            guard let firstError else { throw DecodeError(.empty, "the file holds no records") }
            let more = pendingNotes.count > 1 ? " (and \(pendingNotes.count - 1) more bad lines)" : ""
            throw DecodeError(firstError.code, "no usable record; \(firstError.message)\(more)")
        }
        return pendingNotes
    }
}
