/// Why a file or record yielded no usable document.
public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The bytes are not well-formed JSON.
        case invalidJSON
        /// Well-formed JSON, but not an object (or an array of objects).
        case notAnObject
        /// An object without a usable text field.
        case missingText
        /// Neither an RSS nor an Atom document, or no readable item in it.
        case invalidFeed
        /// Nesting deeper than the decoder accepts.
        case tooDeep
        /// Nothing but whitespace, or no records at all.
        case empty
    }

    public var code: Code
    /// Readable, one line, with context (e.g. the record number and offset).
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
