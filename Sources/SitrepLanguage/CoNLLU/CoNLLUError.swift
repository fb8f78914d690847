/// Why CoNLL-U input could not be read.
public struct CoNLLUError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A word line without exactly ten tab-separated columns.
        case wrongColumnCount
        /// An ID that is not an integer, a range `a-b` or an empty node `a.b`, or out of sequence.
        case badID
        /// A HEAD that is not `_` or an integer within the sentence.
        case badHead
        /// An empty FORM column.
        case emptyForm
        /// A `NER=` entry in MISC that is not an IOB2 tag of PER, LOC, ORG or OTH.
        case badEntity
        /// A comment line after the first word line of a sentence.
        case misplacedComment
        /// The bytes are not UTF-8.
        case notUTF8
    }

    public var code: Code
    /// 1-based line number in the input.
    public var line: Int
    /// Readable, one line.
    public var message: String

    public init(_ code: Code, line: Int, _ message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(code.rawValue): \(message)" }
}
