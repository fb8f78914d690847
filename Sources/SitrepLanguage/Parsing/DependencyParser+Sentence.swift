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
