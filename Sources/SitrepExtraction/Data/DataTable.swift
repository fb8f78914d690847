/// The rows of one tab-separated data file: '#' lines and blank lines skipped, columns split on tabs.
struct DataTable: Sendable {
    struct Row: Sendable {
        var line: Int
        var columns: [String]

        func column(_ index: Int) -> String {
            index < columns.count ? columns[index] : ""
        }
    }

    var name: String
    var rows: [Row]

    init(name: String, text: String) {
        self.name = name
        var rows: [Row] = []
        var lineNumber = 0
        // Byte-level parsing: the gazetteer has tens of thousands of rows.
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            if end > lineStart && bytes[lineStart] != 0x23 {
                var columns: [String] = []
                var columnStart = lineStart
                for k in lineStart...end where k == end || bytes[k] == 0x09 {
                    var a = columnStart
                    var b = k
                    while a < b && bytes[a] == 0x20 { a += 1 }
                    while b > a && bytes[b - 1] == 0x20 { b -= 1 }
                    columns.append(String(decoding: bytes[a..<b], as: UTF8.self))
                    columnStart = k + 1
                }
                if !(columns.count == 1 && columns[0].isEmpty) {
                    rows.append(Row(line: lineNumber, columns: columns))
                }
            }
            lineStart = lineEnd + 1
        }
        self.rows = rows
    }

    /// Rows that must have at least `count` columns; otherwise a readable error naming the line.
    func rows(minimumColumns count: Int) throws(DataError) -> [Row] {
        for row in rows where row.columns.count < count {
            throw DataError(
                .malformedRow, context: "\(name):\(row.line)",
                "expected at least \(count) tab-separated columns, found \(row.columns.count)")
        }
        return rows
    }

    func error(_ row: Row, _ message: String) -> DataError {
        DataError(.badValue, context: "\(name):\(row.line)", message)
    }
}

extension String {
    /// `a|b|c` alternatives, empty ones dropped.
    var alternatives: [String] {
        guard !isEmpty else { return [] }
        var result: [String] = []
        for part in utf8.split(separator: UInt8(ascii: "|")) {
            var a = part.startIndex
            var b = part.endIndex
            while a < b && part[a] == 0x20 { a = part.index(after: a) }
            while b > a && part[part.index(before: b)] == 0x20 { b = part.index(before: b) }
            if a < b { result.append(String(decoding: part[a..<b], as: UTF8.self)) }
        }
        return result
    }
}
