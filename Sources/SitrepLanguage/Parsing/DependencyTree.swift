/// Checks and measures over head arrays (index i holds the head of token i + 1; 0 is the root).
public enum DependencyTree {
    /// Every token has a head in 0...n, exactly one token hangs on the root, and there is no cycle.
    public static func isSingleRootedTree(heads: [Int]) -> Bool {
        let n = heads.count
        guard n > 0 else { return false }
        var roots = 0
        for h in heads {
            if h < 0 || h > n { return false }
            if h == 0 { roots += 1 }
        }
        guard roots == 1 else { return false }
        // Each node reaches the root within n steps; memoised so the check stays linear.
        var state = [UInt8](repeating: 0, count: n + 1)  // 0 unknown, 1 on path, 2 reaches root
        state[0] = 2
        var path: [Int] = []
        for start in 1...n {
            var v = start
            path.removeAll(keepingCapacity: true)
            while state[v] == 0 {
                state[v] = 1
                path.append(v)
                v = heads[v - 1]
            }
            if state[v] == 1 { return false }
            for p in path { state[p] = 2 }
        }
        return true
    }

    /// True when no arc crosses another and no arc covers the root's arc improperly: for each arc,
    /// every token strictly between head and dependent is dominated by the head.
    public static func isProjective(heads: [Int]) -> Bool {
        nonProjectiveArcs(heads: heads).isEmpty
    }

    /// The dependents (1-based) whose arc to their head is not projective.
    static func nonProjectiveArcs(heads: [Int]) -> [Int] {
        let n = heads.count
        var result: [Int] = []
        for d in 1...max(n, 1) where n > 0 {
            let h = heads[d - 1]
            if h == 0 { continue }
            let lo = min(h, d), hi = max(h, d)
            var k = lo + 1
            while k < hi {
                if !dominates(h, k, heads: heads) { result.append(d); break }
                k += 1
            }
        }
        return result
    }

    static func dominates(_ a: Int, _ b: Int, heads: [Int]) -> Bool {
        var v = b
        var steps = 0
        while v != 0 && steps <= heads.count {
            if v == a { return true }
            v = heads[v - 1]
            steps += 1
        }
        return a == 0
    }
}
