/// Why a language model or its data could not be loaded.
public struct LanguageModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A model file is missing from the resources.
        case missingResource
        /// A binary model file is truncated, has the wrong magic or version, or names an unknown label.
        case badModel
        /// A data (TSV) resource has a malformed line.
        case badData
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
