/// Trains a `DependencyParser` model: an averaged perceptron over the feature templates, taught by
/// the arc-hybrid dynamic oracle (Goldberg and Nivre 2013) with exploration, on trees made
/// projective by `Projectivizer`. Deterministic: fixed seed, fixed order, no floating-point
/// reductions whose order could vary.
public struct ParserTrainer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Passes over the training sentences.
        public var epochs = 12
        /// Seeds the sentence order and the exploration choices.
        public var seed: UInt64 = 0x5172_6570
        /// From this epoch on (0-based), the oracle follows the model's own mistakes.
        public var explorationStart = 1
        /// Probability of following a wrong prediction during exploration, at its first epoch and
        /// at the last one (linear in between), so late epochs learn from cleaner paths.
        public var explorationFirst = 0.9
        public var explorationLast = 0.6
        /// A lifted label ("obj^xcomp") is kept as its own class only if it occurs this often.
        public var minLiftedLabelCount = 5
        /// Averaged weights smaller than this are dropped from the model.
        public var pruneBelow: Float = 0.5
        /// At most this many (feature, class) weights are kept: the largest ones.
        public var maxEntries = 700_000

        public init() {}
    }

    /// What one epoch did: the share of oracle-agreeing moves, for progress reports.
    public struct Epoch: Sendable {
        public let index: Int
        public let moves: Int
        public let correctMoves: Int
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Trains on the well-formed sentences of `sentences` and returns the model bytes.
    public func train(_ sentences: [ParserSentence], report: (Epoch) -> Void = { _ in }) throws(ParserError) -> [UInt8] {
        let usable = sentences.filter(\.isWellFormedTree)
        guard !usable.isEmpty else { throw ParserError(.noTrainingData, "\(sentences.count) sentences given") }

        // Projective trees and the label set, ordered by frequency then name.
        var projective: [(heads: [Int], deprels: [String])] = []
        var counts: [String: Int] = [:]
        for s in usable {
            let p = Projectivizer.projectivize(heads: s.heads, deprels: s.deprels)
            projective.append(p)
            for label in p.deprels { counts[label, default: 0] += 1 }
        }
        func keep(_ label: String) -> Bool {
            !label.contains(Projectivizer.liftMark) || counts[label, default: 0] >= options.minLiftedLabelCount
        }
        func base(_ label: String) -> String {
            label.firstIndex(of: Projectivizer.liftMark).map { String(label[..<$0]) } ?? label
        }
        var finalCounts: [String: Int] = [:]
        for (label, c) in counts { finalCounts[keep(label) ? label : base(label), default: 0] += c }
        let labels = finalCounts.keys.sorted { (finalCounts[$0]!, $1) > (finalCounts[$1]!, $0) }
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })

        var examples: [Example] = []
        for (i, s) in usable.enumerated() {
            let p = projective[i]
            examples.append(Example(
                attributes: TokenAttributes(forms: s.forms, upos: s.upos, xpos: s.xpos),
                heads: [0] + p.heads,
                labels: [0] + p.deprels.map { labelIndex[keep($0) ? $0 : base($0)]! }
            ))
        }

        var weights = TrainingWeights(classCount: 1 + 2 * labels.count)
        var rng = SplitMix64(seed: options.seed)
        var order = Array(examples.indices)
        let moves = MoveSet(labelCount: labels.count)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: ParserFeatures.maxCount)
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: moves.classCount)
        var zeroCost = [Bool](repeating: false, count: moves.classCount)
        defer { keys.deallocate(); scores.deallocate() }

        for epoch in 0..<options.epochs {
            rng.shuffle(&order)
            let exploring = epoch >= options.explorationStart
            let span = max(1, options.epochs - 1 - options.explorationStart)
            let t = Double(max(0, epoch - options.explorationStart)) / Double(span)
            let explore = options.explorationFirst + (options.explorationLast - options.explorationFirst) * min(1, t)
            var total = 0, correct = 0
            for e in order {
                let ex = examples[e]
                var state = ParseState(count: ex.heads.count - 1)
                while !state.isTerminal {
                    let k = ParserFeatures.extract(state, ex.attributes, into: keys)
                    scores.initialize(repeating: 0, count: moves.classCount)
                    weights.score(keys, k, into: scores)
                    let predicted = DependencyParser.bestValid(scores, state, moves)
                    Oracle.zeroCostMoves(state, heads: ex.heads, labels: ex.labels, moves: moves, into: &zeroCost)
                    var gold = -1
                    for c in 0..<moves.classCount where zeroCost[c] && (gold < 0 || scores[c] > scores[gold]) { gold = c }
                    weights.tick()
                    total += 1
                    if zeroCost[predicted] {
                        correct += 1
                        moves.apply(predicted, to: &state)
                    } else {
                        weights.update(keys, k, gold: gold, predicted: predicted)
                        let follow = exploring && rng.nextDouble() < explore
                        moves.apply(follow ? predicted : gold, to: &state)
                    }
                }
            }
            report(Epoch(index: epoch, moves: total, correctMoves: correct))
        }
        return weights.exportModel(labels: labels, pruneBelow: options.pruneBelow, maxEntries: options.maxEntries)
    }

    struct Example {
        let attributes: TokenAttributes
        let heads: [Int]  // index 0 unused; projective gold heads
        let labels: [Int]
    }
}

/// The arc-hybrid dynamic oracle: which moves lose no reachable gold arc.
enum Oracle {
    static func zeroCostMoves(_ st: ParseState, heads: [Int], labels: [Int], moves: MoveSet, into zero: inout [Bool]) {
        for i in zero.indices { zero[i] = false }
        let n = st.n, next = st.next
        let s0 = st.stack.count >= 1 ? Int(st.stack[st.stack.count - 1]) : -1
        let s1 = st.stack.count >= 2 ? Int(st.stack[st.stack.count - 2]) : -1
        var costShift = Int.max, costLeft = Int.max, costRight = Int.max
        var s0DepsInBuffer = 0
        if s0 > 0 && next <= n {
            for d in next...n where heads[d] == s0 { s0DepsInBuffer += 1 }
        }
        if st.canShift {
            let b0 = next
            var c = 0
            for (i, x) in st.stack.enumerated() {
                let x = Int(x)
                if x > 0 && heads[x] == b0 { c += 1 }
                if heads[b0] == x && i != st.stack.count - 1 { c += 1 }
            }
            costShift = c
        }
        if st.canLeft {
            let h = heads[s0]
            costLeft = s0DepsInBuffer + ((h == s1 || h > next) ? 1 : 0)
        }
        if st.canRight {
            costRight = s0DepsInBuffer + (heads[s0] >= next ? 1 : 0)
        }
        let best = min(costShift, costLeft, costRight)
        if costShift == best { zero[0] = true }
        if costLeft == best {
            if heads[s0] == next {
                zero[moves.left(labels[s0])] = true
            } else {
                for l in 0..<moves.labelCount { zero[moves.left(l)] = true }
            }
        }
        if costRight == best {
            if heads[s0] == s1 {
                zero[moves.right(labels[s0])] = true
            } else {
                for l in 0..<moves.labelCount { zero[moves.right(l)] = true }
            }
        }
    }
}

/// A small, fixed-seed generator (SplitMix64), so training is the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func nextDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
}
