/// Writes sentences as CoNLL-U: comments, then word lines with verbatim lines in their places, then a
/// blank line. The entity tag goes into MISC as `NER=…`, after what MISC held.
public struct CoNLLUWriter: Sendable {
    public init() {}

    public func write(_ sentences: [Sentence]) -> String {
        var out = ""
        for sentence in sentences { write(sentence, to: &out) }
        return out
    }

    public func write(_ sentence: Sentence, to out: inout String) {
        for comment in sentence.comments {
            out += comment
            out += "\n"
        }
        var verbatim = sentence.verbatimLines.makeIterator()
        var pending = verbatim.next()
        for (index, token) in sentence.tokens.enumerated() {
            while let line = pending, line.position <= index {
                out += line.line
                out += "\n"
                pending = verbatim.next()
            }
            out += String(index + 1)
            for field in [token.form, token.lemma, token.upos, token.xpos, token.feats] {
                out += "\t"
                out += Self.field(field)
            }
            out += "\t"
            out += token.head.map(String.init) ?? "_"
            for field in [token.deprel, token.deps] {
                out += "\t"
                out += Self.field(field)
            }
            out += "\t"
            out += Self.misc(token)
            out += "\n"
        }
        while let line = pending {
            out += line.line
            out += "\n"
            pending = verbatim.next()
        }
        out += "\n"
    }

    /// Tabs and newlines cannot appear in a column; an empty value is written as `_`.
    static func field(_ value: String) -> String {
        if value.isEmpty { return "_" }
        if value.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            return String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        return value
    }

    static func misc(_ token: Token) -> String {
        guard let entity = token.entity else { return field(token.misc) }
        if token.misc == "_" || token.misc.isEmpty { return "NER=" + entity.text }
        return field(token.misc) + "|NER=" + entity.text
    }
}
