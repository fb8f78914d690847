/// An extraction that stopped before its end.
public struct ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The caller's time budget for the document ran out.
        case overBudget = "over_budget"
    }

    public var code: Code
    /// The document (its path or id) and how far extraction got.
    public var context: String
    public var message: String

    public init(_ code: Code, context: String, _ message: String) {
        self.code = code
        self.context = context
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(context): \(message)" }
}
