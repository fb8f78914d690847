/// A sentence of syntactic words. CoNLL-U lines that are not words (multi-word token ranges such as
/// `3-4`, empty nodes such as `5.1`) are kept verbatim with their position, so a sentence read and
/// written again is unchanged except for what analysis fills in.
public struct Sentence: Sendable, Hashable {
    /// A line kept verbatim, written just before the word at `position` (0-based; `tokens.count` for
    /// after the last word).
    public struct VerbatimLine: Sendable, Hashable {
        public var position: Int
        public var line: String

        public init(position: Int, line: String) {
            self.position = position
            self.line = line
        }
    }

    /// Comment lines, each with its leading `#`.
    public var comments: [String]
    public var tokens: [Token]
    public var verbatimLines: [VerbatimLine]

    public init(comments: [String] = [], tokens: [Token] = [], verbatimLines: [VerbatimLine] = []) {
        self.comments = comments
        self.tokens = tokens
        self.verbatimLines = verbatimLines
    }

    /// The value of the `# text = …` comment, if any.
    public var text: String? { commentValue("text") }

    /// The value of the `# sent_id = …` comment, if any.
    public var id: String? { commentValue("sent_id") }

    /// The value of a `# key = value` comment.
    public func commentValue(_ key: String) -> String? {
        for comment in comments {
            var rest = comment.dropFirst()  // "#"
            while rest.first == " " { rest = rest.dropFirst() }
            guard rest.hasPrefix(key) else { continue }
            rest = rest.dropFirst(key.count)
            while rest.first == " " { rest = rest.dropFirst() }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst()
            if rest.first == " " { rest = rest.dropFirst() }
            return String(rest)
        }
        return nil
    }
}
