/// The configuration file: `key = value` lines, `#` comments, values optionally in double quotes
/// (a subset of TOML, so TOML-aware editors highlight it).
public enum ConfigurationFile {
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> [(
        key: String, value: String, line: Int
    )] {
        var entries: [(key: String, value: String, line: Int)] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(rawLine).trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(.syntax, "\(path):\(lineNumber): expected 'key = value'")
            }
            let key = String(line[..<equals]).trimmingSpaces
            var value = String(line[line.index(after: equals)...]).trimmingSpaces
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else {
                    throw ConfigurationError(.syntax, "\(path):\(lineNumber): unterminated quoted value")
                }
                value = String(value.dropFirst().dropLast())
            } else if let hash = value.firstIndex(of: "#") {
                value = String(value[..<hash]).trimmingSpaces
            }
            guard !key.isEmpty else {
                throw ConfigurationError(.syntax, "\(path):\(lineNumber): missing key before '='")
            }
            entries.append((key, value, lineNumber))
        }
        return entries
    }
}
