/// One sample line of the Prometheus text format: `name{label="value",…} number`.
public struct PrometheusSample: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var value: Double

    public init(name: String, labels: [String: String] = [:], value: Double) {
        self.name = name
        self.labels = labels
        self.value = value
    }

    /// The samples of a text exposition; `nil` when a line is not of the format (so a test of a
    /// written file fails on any malformed line, not only on missing values).
    public static func parse(_ text: String) -> [PrometheusSample]? {
        var samples: [PrometheusSample] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") {
                let words = line.split(separator: " ")
                guard words.count >= 3, words[1] == "TYPE" || words[1] == "HELP" else { return nil }
                continue
            }
            guard let sample = parseSample(Substring(line)) else { return nil }
            samples.append(sample)
        }
        return samples
    }

    private static func parseSample(_ line: Substring) -> PrometheusSample? {
        var rest = line
        let nameEnd = rest.firstIndex(where: { $0 == "{" || $0 == " " }) ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard MetricName.isValid(name) else { return nil }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest.removeFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { return nil }
                let key = String(rest[..<equals])
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { return nil }
                rest.removeFirst()
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest.removeFirst()
                    if character == "\\", let escaped = rest.first {
                        rest.removeFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { return nil }
                rest.removeFirst()
                labels[key] = value
                if rest.first == "," { rest.removeFirst() }
                guard !rest.isEmpty else { return nil }
            }
            rest.removeFirst()
        }
        guard rest.first == " " else { return nil }
        let fields = rest.split(separator: " ")
        guard (1...2).contains(fields.count) else { return nil }
        let number: Double?
        switch fields[0] {
        case "+Inf": number = .infinity
        case "-Inf": number = -.infinity
        case "NaN": number = .nan
        default: number = Double(fields[0])
        }
        guard let value = number else { return nil }
        return PrometheusSample(name: name, labels: labels, value: value)
    }
}
