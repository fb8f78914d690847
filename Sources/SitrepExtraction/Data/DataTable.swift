/// The rows of one tab-separated data file: '#' lines and blank lines skipped, columns split on tabs.
struct DataTable: Sendable {
    struct Row: Sendable {
        var line: Int
        var columns: [String]
        /// The file the row is from, for errors.
        var file = ""

        func column(_ index: Int) -> String {
            index < columns.count ? columns[index] : ""
        }
    }

    var name: String
    var rows: [Row]

    init(name: String, text: String) {
        self.name = name
        var rows: [Row] = []
        TSVScanner.withBytes(of: text) { bytes in
            TSVScanner.forEachRow(bytes) { line, columns in
                rows.append(
                    Row(
                        line: line,
                        columns: columns.map {
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
                        }, file: name
                    ))
            }
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
