extension DependencyParser {
    /// Fills HEAD and DEPREL of every word of `sentence` from its forms and tags (UPOS and XPOS
    /// as they are: run the tagger first). Other fields and verbatim lines are left alone.
    public func parse(_ sentence: inout Sentence) {
        let tokens = sentence.tokens
        let tree = parse(forms: tokens.map(\.form), upos: tokens.map(\.upos), xpos: tokens.map(\.xpos))
        for (i, arc) in tree.enumerated() {
            sentence.tokens[i].head = arc.head
            sentence.tokens[i].deprel = arc.deprel
        }
    }
}

extension DependencyParser {
    /// Loads the model shipped as a resource; a model that does not load is a resource error.
    init(resource bytes: [UInt8]) throws(LanguageModelError) {
        do { try self.init(model: bytes) } catch { throw LanguageModelError(.badModel, "dependency-parser.bin: \(error)") }
    }

    /// The parse as the analyser's hook takes it.
    var hook: @Sendable ([String], [String], [String]) -> [(head: Int, deprel: String)] {
        { [self] forms, upos, xpos in self.parse(forms: forms, upos: upos, xpos: xpos) }
    }
}
