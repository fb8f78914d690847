import Testing
@testable import SitrepLanguage

@Suite("Pseudo-projective lifting")
struct ProjectivizerTests {
    /// Non-projective trees with the heads and labels lifting should give.
    static let cases: [(heads: [Int], deprels: [String], liftedHeads: [Int], liftedLabel: String)] = [
        // A hearing is scheduled on the issue today: "issue" hangs on "hearing" across "scheduled".
        ([2, 4, 4, 0, 7, 7, 2, 4, 4],
         ["det", "nsubj:pass", "aux:pass", "root", "case", "det", "nmod", "obl:tmod", "punct"],
         [2, 4, 4, 0, 7, 7, 4, 4, 4], "nmod^nsubj:pass"),
        // What did you say he bought: "What" is the object of "bought", left of "say".
        ([6, 4, 4, 0, 6, 4], ["obj", "aux", "nsubj", "root", "nsubj", "ccomp"],
         [4, 4, 4, 0, 6, 4], "obj^ccomp"),
    ]

    @Test("lifting makes the tree projective and lowering restores it", arguments: 0..<cases.count)
    func roundTrip(index: Int) {
        let c = Self.cases[index]
        #expect(!DependencyTree.isProjective(heads: c.heads))
        let lifted = Projectivizer.projectivize(heads: c.heads, deprels: c.deprels)
        #expect(DependencyTree.isProjective(heads: lifted.heads))
        #expect(DependencyTree.isSingleRootedTree(heads: lifted.heads))
        #expect(lifted.heads == c.liftedHeads)
        #expect(lifted.deprels.contains(c.liftedLabel))
        let lowered = Projectivizer.deprojectivize(heads: lifted.heads, deprels: lifted.deprels)
        #expect(lowered.heads == c.heads)
        #expect(lowered.deprels == c.deprels)
    }

    @Test("projective trees pass through unchanged")
    func projectiveUnchanged() {
        for s in TinyTreebank.sentences where DependencyTree.isProjective(heads: s.heads) {
            let lifted = Projectivizer.projectivize(heads: s.heads, deprels: s.deprels)
            #expect(lifted.heads == s.heads)
            #expect(lifted.deprels == s.deprels)
        }
    }

    @Test("a lifted label with no matching node below keeps its head and loses its mark")
    func unmatchedLift() {
        let lowered = Projectivizer.deprojectivize(heads: [2, 0, 2], deprels: ["obj^xcomp", "root", "punct"])
        #expect(lowered.heads == [2, 0, 2])
        #expect(lowered.deprels == ["obj", "root", "punct"])
    }
}
