/// Byte-level reading of tab-separated data: lines starting with '#' and blank lines skipped, a
/// carriage return before the newline dropped, columns split on tabs and trimmed of spaces.
enum TSVScanner {
    /// Calls `body` with each row's 1-based line number and its columns' byte ranges in `bytes`.
    static func forEachRow<Failure: Error>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ line: Int, _ columns: [Range<Int>]) throws(Failure) -> Void
    ) throws(Failure) {
        var columns: [Range<Int>] = []
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            if end > lineStart && bytes[lineStart] != 0x23 {
                columns.removeAll(keepingCapacity: true)
                var columnStart = lineStart
                var k = lineStart
                while k <= end {
                    if k == end || bytes[k] == 0x09 {
                        var a = columnStart
                        var b = k
                        while a < b && bytes[a] == 0x20 { a += 1 }
                        while b > a && bytes[b - 1] == 0x20 { b -= 1 }
                        columns.append(a..<b)
                        columnStart = k + 1
                    }
                    k += 1
                }
                if !(columns.count == 1 && columns[0].isEmpty) {
                    try body(lineNumber, columns)
                }
            }
            lineStart = lineEnd + 1
        }
    }

    /// Runs `body` over a string's UTF-8 bytes without copying them when it can.
    static func withBytes<Value, Failure: Error>(
        of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        var text = text
        let result: Result<Value, Failure> = text.withUTF8 { buffer in
            do throws(Failure) {
                return .success(try body(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
