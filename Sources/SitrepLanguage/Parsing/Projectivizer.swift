/// Pseudo-projective transformation (Nivre and Nilsson 2005, "head" encoding): a non-projective
/// arc is lifted to its head's head until the tree is projective, and the lifted dependent's label
/// records the label of the head it lost (`obj` under an `xcomp` becomes `obj^xcomp`), so that
/// `deprojectivize` can move it back after parsing.
public enum Projectivizer {
    /// The separator between a label and the label of the head it was lifted from. UD relations
    /// use `:` for subtypes and never contain `^`.
    public static let liftMark: Character = "^"

    /// Lifts the shortest non-projective arc until none is left. Returns projective heads and
    /// labels; labels of lifted arcs are "label^headLabel" (only the first lift is recorded).
    public static func projectivize(heads: [Int], deprels: [String]) -> (heads: [Int], deprels: [String]) {
        var heads = heads
        var labels = deprels
        let original = deprels
        var lifted = [Bool](repeating: false, count: heads.count)
        var guardSteps = 0
        while guardSteps < heads.count * heads.count + 1 {
            guardSteps += 1
            let bad = DependencyTree.nonProjectiveArcs(heads: heads)
            guard let d = bad.min(by: { abs(heads[$0 - 1] - $0) < abs(heads[$1 - 1] - $1) }) else { break }
            let h = heads[d - 1]
            guard h != 0 else { break }
            if !lifted[d - 1] {
                labels[d - 1] = original[d - 1] + String(liftMark) + original[h - 1]
                lifted[d - 1] = true
            }
            heads[d - 1] = heads[h - 1]
        }
        return (heads, labels)
    }

    /// Moves each lifted arc back down: the dependent goes to the first node, in breadth-first
    /// left-to-right order below its current head (outside its own subtree), whose label is the
    /// recorded head label; the label loses its mark either way.
    public static func deprojectivize(heads: [Int], deprels: [String]) -> (heads: [Int], deprels: [String]) {
        var heads = heads
        var labels = deprels
        let n = heads.count
        var children = [[Int]](repeating: [], count: n + 1)
        for d in 1...max(n, 1) where n > 0 { children[heads[d - 1]].append(d) }
        for d in 1...max(n, 1) where n > 0 {
            let label = labels[d - 1]
            guard let mark = label.firstIndex(of: liftMark) else { continue }
            let base = String(label[..<mark])
            let wanted = String(label[label.index(after: mark)...])
            labels[d - 1] = base
            let start = heads[d - 1]
            // Breadth-first below `start`, skipping the dependent's own subtree.
            var queue = children[start].filter { $0 != d }
            var qi = 0
            var found = 0
            while qi < queue.count {
                let v = queue[qi]
                qi += 1
                let vLabel = labels[v - 1]
                let vBase = vLabel.firstIndex(of: liftMark).map { String(vLabel[..<$0]) } ?? vLabel
                if vBase == wanted { found = v; break }
                for c in children[v] where c != d { queue.append(c) }
            }
            if found != 0 {
                if let i = children[start].firstIndex(of: d) { children[start].remove(at: i) }
                children[found].append(d)
                children[found].sort()
                heads[d - 1] = found
            }
        }
        return (heads, labels)
    }
}
