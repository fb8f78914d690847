/// The configuration file: `key = value` lines, `#` comments, values optionally in double quotes
/// (a subset of TOML, so TOML-aware editors highlight it). Files written on Windows (CRLF line ends,
/// a UTF-8 byte order mark) read the same.
public enum ConfigurationFile {
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> [(
        key: String, value: String, line: Int
    )] {
        var entries: [(key: String, value: String, line: Int)] = []
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        // By scalars: in a String, "\r\n" is one Character and never equal to "\n".
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        for rawLine in scalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var lineScalars = Substring.UnicodeScalarView(rawLine)
            while lineScalars.last == "\r" { lineScalars.removeLast() }
            let line = String(lineScalars).trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(.syntax, "\(path):\(lineNumber): expected 'key = value'")
            }
            let key = String(line[..<equals]).trimmingSpaces
            var value = String(line[line.index(after: equals)...]).trimmingSpaces
            if value.hasPrefix("\"") {
                let body = value.dropFirst()
                guard let close = body.firstIndex(of: "\"") else {
                    throw ConfigurationError(.syntax, "\(path):\(lineNumber): unterminated quoted value")
                }
                // After the closing quote only a comment may follow.
                let rest = String(body[body.index(after: close)...]).trimmingSpaces
                guard rest.isEmpty || rest.hasPrefix("#") else {
                    throw ConfigurationError(
                        .syntax, "\(path):\(lineNumber): unexpected text after the quoted value: '\(rest)'")
                }
                value = String(body[..<close])
            } else if let hash = value.firstIndex(of: "#") {
                value = String(value[..<hash]).trimmingSpaces
            }
            guard !key.isEmpty else {
                throw ConfigurationError(.syntax, "\(path):\(lineNumber): missing key before '='")
            }
            if let first = firstLine[key] {
                throw ConfigurationError(
                    .duplicateKey, "\(path):\(lineNumber): '\(key)' is already set on line \(first)")
            }
            firstLine[key] = lineNumber
            entries.append((key, value, lineNumber))
        }
        return entries
    }
}
