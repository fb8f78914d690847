import Testing
@testable import SitrepLanguage

@Suite("Arc-hybrid transition system")
struct TransitionSystemTests {
    /// Runs random allowed moves to the end and returns the heads of tokens 1...n.
    private func randomParse(count n: Int, labels: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        var state = ParseState(count: n)
        let moves = MoveSet(labelCount: labels)
        var steps = 0
        while !state.isTerminal {
            var allowed: [Int] = []
            if state.canShift { allowed.append(0) }
            if state.canLeft { allowed.append(moves.left(Int(rng.next() % UInt64(labels)))) }
            if state.canRight { allowed.append(moves.right(Int(rng.next() % UInt64(labels)))) }
            #expect(!allowed.isEmpty, "a state that is not final always has a move")
            if allowed.isEmpty { break }
            moves.apply(allowed[Int(rng.next() % UInt64(allowed.count))], to: &state)
            steps += 1
        }
        #expect(steps == 2 * n, "every token is shifted once and attached once")
        return (1...n).map { Int(state.heads[$0]) }
    }

    @Test("any sequence of allowed moves gives a single-rooted tree", arguments: [1, 2, 3, 5, 8, 13, 40])
    func allowedMovesGiveTrees(length: Int) {
        for seed in UInt64(1)...UInt64(50) {
            let heads = randomParse(count: length, labels: 3, seed: seed &* 7919 &+ UInt64(length))
            #expect(heads.count == length)
            #expect(DependencyTree.isSingleRootedTree(heads: heads), "heads \(heads)")
        }
    }

    @Test("following the oracle's zero-cost moves rebuilds every projective tree of the fixture")
    func oracleRebuildsGoldTrees() {
        let labels = ["nsubj", "obj", "root", "punct", "det", "case", "obl", "nmod", "cc", "conj",
                      "compound", "nsubj:pass", "aux:pass", "ccomp", "nummod", "aux", "nmod:poss",
                      "amod", "obl:tmod", "acl:relcl"]
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let moves = MoveSet(labelCount: labels.count)
        for sentence in TinyTreebank.sentences where DependencyTree.isProjective(heads: sentence.heads) {
            let n = sentence.forms.count
            let heads = [0] + sentence.heads
            let gold = [0] + sentence.deprels.map { index[$0]! }
            var state = ParseState(count: n)
            var zero = [Bool](repeating: false, count: moves.classCount)
            while !state.isTerminal {
                Oracle.zeroCostMoves(state, heads: heads, labels: gold, moves: moves, into: &zero)
                guard let move = zero.firstIndex(of: true) else { Issue.record("no zero-cost move"); break }
                moves.apply(move, to: &state)
            }
            #expect((1...n).map { Int(state.heads[$0]) } == sentence.heads, "\(sentence.forms)")
            #expect((1...n).map { labels[Int(state.labels[$0]) - 1] } == sentence.deprels)
        }
    }

    @Test("tree checks tell trees from non-trees", arguments: [
        ([0], true), ([2, 0], true), ([0, 0], false), ([2, 1], false), ([2, 3, 0], true),
        ([3, 0, 1], false), ([4, 0, 2], false), ([], false),
    ] as [([Int], Bool)])
    func treeChecks(heads: [Int], isTree: Bool) {
        #expect(DependencyTree.isSingleRootedTree(heads: heads) == isTree)
    }
}

@Test("every sentence of the tiny treebank is a well-formed tree")
func tinyTreebankIsWellFormed() {
    for s in TinyTreebank.sentences { #expect(s.isWellFormedTree, "\(s.forms)") }
}
