/// A configuration that cannot be used, with where the problem is.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadableFile, syntax, unknownKey, duplicateKey, invalidValue, missingDirectory, notWritable
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
