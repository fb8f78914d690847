/// Greedy left-to-right averaged-perceptron tagger predicting UPOS and Penn XPOS together (one label
/// per pair seen in training, written `UPOS XPOS`).
public struct PartOfSpeechTagger: Sendable {
    public let model: Perceptron
    let upos: [String]
    let xpos: [String]

    public init(model: Perceptron) throws(LanguageModelError) {
        var upos: [String] = []
        var xpos: [String] = []
        for label in model.labels {
            let parts = label.split(separator: " ")
            guard parts.count == 2 else { throw LanguageModelError(.badModel, "tag label '\(label)' is not 'UPOS XPOS'") }
            upos.append(String(parts[0]))
            xpos.append(String(parts[1]))
        }
        self.model = model
        self.upos = upos
        self.xpos = xpos
    }

    /// Features of word `i` given the two previous labels (or -1/-2 at the start).
    @inline(__always)
    public static func features(_ words: [WordFeatures], _ i: Int, _ previous: Int, _ previous2: Int, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let w = words[i]
        let p1 = i > 0 ? words[i - 1] : .boundary
        let p2 = i > 1 ? words[i - 2] : .boundary
        let n1 = i + 1 < words.count ? words[i + 1] : .boundary
        let n2 = i + 2 < words.count ? words[i + 2] : .boundary
        let t1 = UInt64(bitPattern: Int64(previous))
        let t2 = UInt64(bitPattern: Int64(previous2))
        out.append(FeatureHash.combine(1, 0))
        out.append(FeatureHash.combine(2, w.lower))
        out.append(FeatureHash.combine(3, w.suffix1))
        out.append(FeatureHash.combine(4, w.suffix2))
        out.append(FeatureHash.combine(5, w.suffix3))
        out.append(FeatureHash.combine(6, w.suffix4))
        out.append(FeatureHash.combine(7, w.prefix1))
        out.append(FeatureHash.combine(8, w.prefix2))
        out.append(FeatureHash.combine(9, w.shape))
        out.append(FeatureHash.combine(10, w.flags))
        out.append(FeatureHash.combine(11, t1))
        out.append(FeatureHash.combine(12, t1, t2))
        out.append(FeatureHash.combine(13, t1, w.lower))
        out.append(FeatureHash.combine(14, p1.lower))
        out.append(FeatureHash.combine(15, p1.suffix3))
        out.append(FeatureHash.combine(16, p2.lower))
        out.append(FeatureHash.combine(17, n1.lower))
        out.append(FeatureHash.combine(18, n1.suffix3))
        out.append(FeatureHash.combine(19, n2.lower))
        out.append(FeatureHash.combine(20, p1.lower, w.lower))
        out.append(FeatureHash.combine(21, w.lower, n1.lower))
        out.append(FeatureHash.combine(22, t1, n1.lower))
        out.append(FeatureHash.combine(23, w.shape, n1.shape))
        out.append(FeatureHash.combine(24, i == 0 ? 1 : 0, w.flags))
    }

    /// Label indices for the words.
    public func tagIndices(_ words: [WordFeatures]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(words.count)
        var features: [UInt64] = []
        features.reserveCapacity(32)
        var scores = [Float](repeating: 0, count: model.labels.count)
        var previous = -1
        var previous2 = -2
        for i in words.indices {
            Self.features(words, i, previous, previous2, into: &features)
            features.withUnsafeBufferPointer { model.score($0, into: &scores) }
            var best = 0
            for l in 1..<scores.count where scores[l] > scores[best] { best = l }
            result.append(best)
            previous2 = previous
            previous = best
        }
        return result
    }

    /// Fills UPOS and XPOS of the tokens.
    public func tag(_ tokens: inout [Token], words: [WordFeatures]) {
        for (i, label) in tagIndices(words).enumerated() {
            tokens[i].upos = upos[label]
            tokens[i].xpos = xpos[label]
        }
    }
}
