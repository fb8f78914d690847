/// A parsed JSON value. Strings keep their (unescaped) UTF-8 bytes so that invalid UTF-8 inside them is
/// repaired and reported by the text normaliser, like everywhere else.
enum JSONValue: Sendable, Equatable {
    case string([UInt8])
    /// The number's text as written, e.g. "42" or "-1.5e3".
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The last member named `key` (JSON leaves duplicates undefined; the last one wins, as in most parsers).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The kind with its article, for messages: "an array", "a JSON string".
    var kindPhrase: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .null: "null"
        default: "a JSON \(kindName)"
        }
    }

    var kindName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        case .array: "array"
        case .object: "object"
        }
    }
}
