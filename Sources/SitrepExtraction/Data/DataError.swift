/// A built-in or user data file that cannot be used.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case missingResource, unreadable, malformedRow, badValue, missingDirectory, unknownFile
    }

    public var code: Code
    /// The file (and line) the problem is in.
    public var context: String
    public var message: String

    public init(_ code: Code, context: String, _ message: String) {
        self.code = code
        self.context = context
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(context): \(message)" }
}
