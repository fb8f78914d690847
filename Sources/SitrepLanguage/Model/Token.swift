/// One syntactic word with its analysis. Fields not (yet) known hold `_`, as in CoNLL-U.
public struct Token: Sendable, Hashable {
    /// The word as written.
    public var form: String
    /// Where the word is in the source text, as UTF-8 byte offsets; nil when it came from CoNLL-U.
    public var range: Range<Int>?
    public var lemma: String
    /// Universal part of speech (`NOUN`, `VERB` …).
    public var upos: String
    /// Penn Treebank tag (`NN`, `VBD` …).
    public var xpos: String
    /// Morphological features, kept verbatim.
    public var feats: String
    /// 1-based index of the head word in the sentence, 0 for the root, nil when not parsed.
    public var head: Int?
    /// Universal Dependencies relation with its subtype (`nsubj:pass`), `_` when not parsed.
    public var deprel: String
    /// Enhanced dependencies, kept verbatim.
    public var deps: String
    /// The MISC column without the entity tag (which lives in ``entity``), kept verbatim.
    public var misc: String
    /// The entity tag, nil when not analysed.
    public var entity: EntityTag?

    public init(
        form: String, range: Range<Int>? = nil, lemma: String = "_", upos: String = "_", xpos: String = "_",
        feats: String = "_", head: Int? = nil, deprel: String = "_", deps: String = "_", misc: String = "_",
        entity: EntityTag? = nil
    ) {
        self.form = form
        self.range = range
        self.lemma = lemma
        self.upos = upos
        self.xpos = xpos
        self.feats = feats
        self.head = head
        self.deprel = deprel
        self.deps = deps
        self.misc = misc
        self.entity = entity
    }
}
