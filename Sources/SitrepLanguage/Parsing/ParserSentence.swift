/// One training or evaluation sentence for the dependency parser: tokens with their tags, and the
/// gold tree (heads are 0 for the root, otherwise 1-based token positions).
public struct ParserSentence: Sendable, Hashable {
    public var forms: [String]
    public var upos: [String]
    public var xpos: [String]
    public var heads: [Int]
    public var deprels: [String]

    public init(forms: [String], upos: [String], xpos: [String], heads: [Int], deprels: [String]) {
        self.forms = forms
        self.upos = upos
        self.xpos = xpos
        self.heads = heads
        self.deprels = deprels
    }

    /// True when every array has one entry per token and the heads form one tree with one root.
    public var isWellFormedTree: Bool {
        let n = forms.count
        guard n > 0, upos.count == n, xpos.count == n, heads.count == n, deprels.count == n else {
            return false
        }
        return DependencyTree.isSingleRootedTree(heads: heads)
    }
}
