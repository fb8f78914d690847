/// A greedy arc-hybrid dependency parser with an averaged-perceptron model: tokens and their tags
/// in, one head and one UD relation per token out. Linear in the sentence length (2n moves).
public struct DependencyParser: Sendable {
    let model: ParserModel

    /// Loads a model written by `ParserTrainer`.
    public init(model bytes: [UInt8]) throws(ParserError) {
        model = try ParserModel(bytes: bytes)
    }

    init(model: ParserModel) {
        self.model = model
    }

    /// The relations the model can give (lifted forms included), in class order.
    public var labels: [String] { model.labels }

    /// One (head, deprel) per token: head 0 is the root, otherwise the 1-based head position.
    /// Missing tags count as unknown; the result is always a tree with a single root.
    public func parse(forms: [String], upos: [String], xpos: [String]) -> [(head: Int, deprel: String)] {
        let n = forms.count
        guard n > 0 else { return [] }
        let attributes = TokenAttributes(forms: forms, upos: upos, xpos: xpos)
        let state = run(attributes, count: n)
        var heads = [Int](repeating: 0, count: n)
        var deprels = [String](repeating: "dep", count: n)
        var lifted = false
        for i in 1...n {
            heads[i - 1] = Int(state.heads[i])
            let label = model.labels[Int(state.labels[i]) - 1]
            if label.contains(Projectivizer.liftMark) { lifted = true }
            deprels[i - 1] = label
        }
        if lifted { (heads, deprels) = Projectivizer.deprojectivize(heads: heads, deprels: deprels) }
        return (0..<n).map { (heads[$0], deprels[$0]) }
    }

    /// Runs the greedy moves to the end.
    func run(_ attributes: TokenAttributes, count n: Int) -> ParseState {
        var state = ParseState(count: n)
        let moves = MoveSet(labelCount: model.labels.count)
        let classes = moves.classCount
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: ParserFeatures.maxCount)
        let scores = UnsafeMutablePointer<Int32>.allocate(capacity: classes)
        let found = UnsafeMutablePointer<UInt64>.allocate(capacity: ParserFeatures.maxCount)
        defer { keys.deallocate(); scores.deallocate(); found.deallocate() }
        while !state.isTerminal {
            let k = ParserFeatures.extract(state, attributes, into: keys)
            scores.initialize(repeating: 0, count: classes)
            model.score(keys, k, into: scores, found: found)
            let best = Self.bestValid(scores, state, moves)
            moves.apply(best, to: &state)
        }
        return state
    }

    /// The highest-scoring move that is allowed in this state (ties go to the lower class).
    @inline(__always)
    static func bestValid<S: Numeric & Comparable>(_ scores: UnsafeMutablePointer<S>, _ state: ParseState, _ moves: MoveSet) -> Int {
        var best = -1
        var bestScore: S = 0
        if state.canShift { best = 0; bestScore = scores[0] }
        let l = moves.labelCount
        if state.canLeft {
            for c in 1...l where best < 0 || scores[c] > bestScore { best = c; bestScore = scores[c] }
        }
        if state.canRight {
            for c in (l + 1)...(2 * l) where best < 0 || scores[c] > bestScore { best = c; bestScore = scores[c] }
        }
        return best
    }
}
