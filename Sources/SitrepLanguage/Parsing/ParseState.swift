/// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) over one sentence:
/// a stack with the root at the bottom, a buffer of the tokens not yet read, and the arcs so far.
///
/// Moves: SHIFT pushes the next token; LEFT(l) makes the stack top a dependent of the next token;
/// RIGHT(l) makes the stack top a dependent of the token below it. RIGHT onto the root is allowed
/// only once the buffer is empty and one token is left, so every result has exactly one root.
/// Tokens are 1...n; 0 is the root; `none` (n + 1) stands for "no such token" in features.
struct ParseState {
    let n: Int
    var stack: [Int32]
    var next: Int  // first token of the buffer; the buffer is empty once next > n
    var heads: [Int32]  // per token 0...n+1; -1 while unattached
    var labels: [Int32]  // label index + 1; 0 while unattached
    var leftmost: [Int32]
    var leftmost2: [Int32]
    var rightmost: [Int32]
    var rightmost2: [Int32]
    var leftCount: [UInt8]
    var rightCount: [UInt8]
    var leftLabels: [UInt64]  // bit set of label indices (mod 64) of left dependents
    var rightLabels: [UInt64]

    var none: Int32 { Int32(n + 1) }

    init(count n: Int) {
        self.n = n
        let size = n + 2
        stack = [0]
        stack.reserveCapacity(n + 1)
        next = 1
        heads = [Int32](repeating: -1, count: size)
        labels = [Int32](repeating: 0, count: size)
        leftmost = [Int32](repeating: Int32(n + 1), count: size)
        leftmost2 = leftmost
        rightmost = leftmost
        rightmost2 = leftmost
        leftCount = [UInt8](repeating: 0, count: size)
        rightCount = leftCount
        leftLabels = [UInt64](repeating: 0, count: size)
        rightLabels = leftLabels
    }

    var isTerminal: Bool { next > n && stack.count == 1 }

    var canShift: Bool { next <= n }
    var canLeft: Bool { stack.count >= 2 && next <= n }
    var canRight: Bool { stack.count >= 3 || (stack.count == 2 && next > n) }

    /// Stack position i from the top (0 = top), or `none`.
    @inline(__always)
    func s(_ i: Int) -> Int32 {
        let k = stack.count - 1 - i
        return k >= 0 ? stack[k] : none
    }

    /// Buffer position i (0 = next token), or `none`.
    @inline(__always)
    func b(_ i: Int) -> Int32 {
        let k = next + i
        return k <= n ? Int32(k) : none
    }

    mutating func shift() {
        stack.append(Int32(next))
        next += 1
    }

    mutating func left(label: Int) {
        let d = stack.removeLast()
        attach(d, to: Int32(next), label: label)
    }

    mutating func right(label: Int) {
        let d = stack.removeLast()
        attach(d, to: stack[stack.count - 1], label: label)
    }

    private mutating func attach(_ d: Int32, to h: Int32, label: Int) {
        let di = Int(d), hi = Int(h)
        heads[di] = h
        labels[di] = Int32(label + 1)
        let bit = UInt64(1) << UInt64(label & 63)
        if d < h {
            if leftmost[hi] == none || d < leftmost[hi] {
                leftmost2[hi] = leftmost[hi]
                leftmost[hi] = d
            } else if leftmost2[hi] == none || d < leftmost2[hi] {
                leftmost2[hi] = d
            }
            if leftCount[hi] < 255 { leftCount[hi] += 1 }
            leftLabels[hi] |= bit
        } else {
            if rightmost[hi] == none || d > rightmost[hi] {
                rightmost2[hi] = rightmost[hi]
                rightmost[hi] = d
            } else if rightmost2[hi] == none || d > rightmost2[hi] {
                rightmost2[hi] = d
            }
            if rightCount[hi] < 255 { rightCount[hi] += 1 }
            rightLabels[hi] |= bit
        }
    }
}

/// Moves as class indices: 0 is SHIFT, 1...L are LEFT(label), L+1...2L are RIGHT(label).
struct MoveSet {
    let labelCount: Int
    var classCount: Int { 1 + 2 * labelCount }

    @inline(__always) func isLeft(_ c: Int) -> Bool { c >= 1 && c <= labelCount }
    @inline(__always) func label(_ c: Int) -> Int { c <= labelCount ? c - 1 : c - 1 - labelCount }
    @inline(__always) func left(_ l: Int) -> Int { 1 + l }
    @inline(__always) func right(_ l: Int) -> Int { 1 + labelCount + l }

    func apply(_ c: Int, to state: inout ParseState) {
        if c == 0 {
            state.shift()
        } else if c <= labelCount {
            state.left(label: c - 1)
        } else {
            state.right(label: c - 1 - labelCount)
        }
    }
}
