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
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var trimmed = Substring(line)
            if trimmed.hasSuffix("\r") { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            rows.append(Row(line: lineNumber, columns: columns))
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
        split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
