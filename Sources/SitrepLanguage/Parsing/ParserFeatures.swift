/// Per-token attributes the feature templates read: word, Penn tag and universal tag hashes, with
/// the root at index 0 and "no token" at index n + 1.
struct TokenAttributes {
    var word: [UInt64]
    var xpos: [UInt64]
    var upos: [UInt64]

    init(forms: [String], upos: [String], xpos: [String]) {
        let n = forms.count
        word = [UInt64](repeating: 0, count: n + 2)
        self.xpos = word
        self.upos = word
        word[0] = 0x51; self.xpos[0] = 0x52; self.upos[0] = 0x53  // the root
        word[n + 1] = 0x61; self.xpos[n + 1] = 0x62; self.upos[n + 1] = 0x63  // no token
        for i in 0..<n {
            word[i + 1] = ParserHash.word(forms[i])
            self.xpos[i + 1] = ParserHash.string(i < xpos.count ? xpos[i] : "_")
            self.upos[i + 1] = ParserHash.string(i < upos.count ? upos[i] : "_")
        }
    }
}

/// The feature templates: each turns a parser state into one 64-bit key. Zhang and Nivre's (2011)
/// rich non-local set adapted to arc-hybrid (stack s0–s2, buffer b0–b2, the two outermost children
/// of s0, s1 and b0 with their labels, distances, valencies and label sets).
enum ParserFeatures {
    /// Bumped whenever a template changes: a model made for other templates refuses to load.
    static let version: UInt32 = 1
    static let maxCount = 128

    @inline(__always)
    private static func distance(_ a: Int32, _ b: Int32, none: Int32) -> UInt64 {
        if a == none || b == none { return 0 }
        let d = Int(b) - Int(a)
        switch d {
        case ...0: return 9
        case 1...4: return UInt64(d)
        case 5...6: return 5
        case 7...9: return 6
        default: return 7
        }
    }

    /// Writes the keys into `out` (at least `maxCount` long) and returns how many.
    static func extract(_ st: ParseState, _ t: TokenAttributes, into out: UnsafeMutablePointer<UInt64>) -> Int {
        let none = st.none
        let s0 = Int(st.s(0)), s1 = Int(st.s(1)), s2 = Int(st.s(2))
        let b0 = Int(st.b(0)), b1 = Int(st.b(1)), b2 = Int(st.b(2))
        let s0l = Int(st.leftmost[s0]), s0l2 = Int(st.leftmost2[s0])
        let s0r = Int(st.rightmost[s0]), s0r2 = Int(st.rightmost2[s0])
        let s1l = Int(st.leftmost[s1]), s1r = Int(st.rightmost[s1]), s1r2 = Int(st.rightmost2[s1])
        let b0l = Int(st.leftmost[b0]), b0l2 = Int(st.leftmost2[b0])
        let w = t.word, p = t.xpos, u = t.upos, lab = st.labels
        @inline(__always) func l(_ i: Int) -> UInt64 { UInt64(lab[i]) &+ 0x100 }

        let d = distance(Int32(s0), Int32(b0), none: none)
        let d2 = distance(Int32(s1), Int32(s0), none: none)
        let s0vl = UInt64(st.leftCount[s0]) &+ 0x200, s0vr = UInt64(st.rightCount[s0]) &+ 0x300
        let s1vl = UInt64(st.leftCount[s1]) &+ 0x200, s1vr = UInt64(st.rightCount[s1]) &+ 0x300
        let b0vl = UInt64(st.leftCount[b0]) &+ 0x200

        var k = 0
        @inline(__always) func f1(_ a: UInt64) {
            out[k] = ParserHash.mix(UInt64(k) &+ 1, a); k += 1
        }
        @inline(__always) func f2(_ a: UInt64, _ b: UInt64) {
            out[k] = ParserHash.mix(ParserHash.mix(UInt64(k) &+ 1, a), b); k += 1
        }
        @inline(__always) func f3(_ a: UInt64, _ b: UInt64, _ c: UInt64) {
            out[k] = ParserHash.mix(ParserHash.mix(ParserHash.mix(UInt64(k) &+ 1, a), b), c); k += 1
        }
        @inline(__always) func f4(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ e: UInt64) {
            out[k] = ParserHash.mix(ParserHash.mix(ParserHash.mix(ParserHash.mix(UInt64(k) &+ 1, a), b), c), e); k += 1
        }

        f1(0)  // bias
        // Single tokens.
        f2(w[s0], p[s0]); f1(w[s0]); f1(p[s0]); f1(u[s0])
        f2(w[b0], p[b0]); f1(w[b0]); f1(p[b0]); f1(u[b0])
        f2(w[b1], p[b1]); f1(w[b1]); f1(p[b1])
        f1(w[b2]); f1(p[b2])
        f2(w[s1], p[s1]); f1(w[s1]); f1(p[s1])
        f1(p[s2]); f1(w[s2])
        // Pairs.
        f4(w[s0], p[s0], w[b0], p[b0]); f3(w[s0], p[s0], w[b0]); f3(w[s0], w[b0], p[b0])
        f3(w[s0], p[s0], p[b0]); f3(p[s0], w[b0], p[b0]); f2(w[s0], w[b0]); f2(p[s0], p[b0])
        f2(p[b0], p[b1]); f2(w[s1], w[s0]); f2(p[s1], p[s0]); f3(w[s1], p[s1], p[s0])
        f3(p[s1], w[s0], p[s0]); f4(w[s1], p[s1], w[s0], p[s0])
        f2(u[s0], u[b0]); f2(u[s1], u[s0])
        f2(w[b0], w[b1]); f3(w[s0], p[s0], p[b1])
        // Triples of tags.
        f3(p[b0], p[b1], p[b2]); f3(p[s0], p[b0], p[b1]); f3(p[s1], p[s0], p[b0])
        f3(p[s0], p[s0l], p[b0]); f3(p[s0], p[s0r], p[b0]); f3(p[s0], p[b0], p[b0l])
        f3(p[s1], p[s0], p[s0l]); f3(p[s1], p[s1r], p[s0]); f3(p[s1], p[s0], p[s0r])
        f3(p[s2], p[s1], p[s0]); f3(p[s1], p[s1l], p[s0])
        // Distances.
        f2(w[s0], d); f2(p[s0], d); f2(w[b0], d); f2(p[b0], d); f3(w[s0], w[b0], d); f3(p[s0], p[b0], d)
        f3(p[s1], p[s0], d2); f3(w[s1], w[s0], d2); f2(w[s1], d2); f2(w[s0], d2); f2(p[s1], d2)
        // Valencies.
        f2(w[s0], s0vr); f2(p[s0], s0vr); f2(w[s0], s0vl); f2(p[s0], s0vl)
        f2(w[b0], b0vl); f2(p[b0], b0vl); f2(w[s1], s1vr); f2(p[s1], s1vr); f2(p[s1], s1vl)
        // Children.
        f1(w[s0l]); f1(p[s0l]); f1(l(s0l)); f1(w[s0r]); f1(p[s0r]); f1(l(s0r))
        f1(w[b0l]); f1(p[b0l]); f1(l(b0l)); f1(w[s1r]); f1(p[s1r]); f1(l(s1r)); f1(p[s1l]); f1(l(s1l))
        // Third order: second children and label pairs.
        f1(w[s0l2]); f1(p[s0l2]); f1(l(s0l2)); f1(w[s0r2]); f1(p[s0r2]); f1(l(s0r2))
        f1(w[b0l2]); f1(p[b0l2]); f1(l(b0l2))
        f3(p[s0], l(s0l), l(s0l2)); f3(p[s0], l(s0r), l(s0r2)); f3(p[b0], l(b0l), l(b0l2))
        f3(p[s1], l(s1r), l(s1r2))
        // Label sets.
        f2(w[s0], st.leftLabels[s0]); f2(p[s0], st.leftLabels[s0]); f2(w[s0], st.rightLabels[s0])
        f2(p[s0], st.rightLabels[s0]); f2(w[b0], st.leftLabels[b0]); f2(p[b0], st.leftLabels[b0])
        f2(p[s1], st.rightLabels[s1]); f2(w[s1], st.rightLabels[s1])
        // Children's labels with the other candidate.
        f3(p[s0], l(s0l), p[b0]); f3(p[s0], l(s0r), p[b0]); f3(p[s1], l(s1r), p[s0]); f3(p[b0], l(b0l), p[s0])
        f4(w[s0], p[s0], l(s0l), p[b0]); f3(w[b0], l(b0l), p[s0])
        return k
    }
}
