import SitrepFormats

/// JSON text for strings and numbers (RFC 8259): the few escapes the writers here need.
enum JSONText {
    static func string(_ value: String) -> String { JSONString.quoted(value) }

    /// A finite number; the writers pass only coordinates and counts.
    static func number(_ value: Double) -> String { CSVFormat.number(value) }
}
