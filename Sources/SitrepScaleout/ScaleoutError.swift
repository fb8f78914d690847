/// A shipping or sink failure that stops start-up or a batch: a code, where it happened, and a line
/// an operator can act on.
public struct ScaleoutError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case syntax, unknownKey, invalidValue, missingValue
        case broker, stream, database, migration, logFile, checkpoint
    }

    public var code: Code
    /// Where: a configuration line, a broker URL, a stream name, a file.
    public var context: String
    public var message: String

    public init(_ code: Code, _ context: String, _ message: String) {
        self.code = code
        self.context = context
        self.message = message
    }

    public var description: String { context.isEmpty ? message : "\(context): \(message)" }
}
