/// Why a parser model could not be loaded.
public struct ParserError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case badMagic = "parser.model.magic"
        case unsupportedVersion = "parser.model.version"
        case truncated = "parser.model.truncated"
        case badLabel = "parser.model.label"
        case noTrainingData = "parser.training.empty"
    }

    public let code: Code
    public let context: String

    public init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    public var description: String {
        switch code {
        case .badMagic: "dependency parser model: not a parser model file (\(context))"
        case .unsupportedVersion: "dependency parser model: made for other feature templates (\(context))"
        case .truncated: "dependency parser model: file ends early (\(context))"
        case .badLabel: "dependency parser model: a label is not valid UTF-8 (\(context))"
        case .noTrainingData: "dependency parser training: no well-formed sentence (\(context))"
        }
    }
}
