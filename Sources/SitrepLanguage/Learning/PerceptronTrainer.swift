/// Averaged perceptron training over hashed features (dense during training, pruned and made sparse
/// at the end). Averaging uses the "w − u/c" form so an update costs O(features).
public struct PerceptronTrainer: Sendable {
    public let labels: [String]
    public let bucketBits: Int
    var weights: [Float]
    var totals: [Float]
    var step: Float = 1

    public init(labels: [String], bucketBits: Int) {
        self.labels = labels
        self.bucketBits = bucketBits
        weights = [Float](repeating: 0, count: (1 << bucketBits) * labels.count)
        totals = weights
    }

    @inline(__always)
    func bucket(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bucketBits)) }

    /// Scores with the current (not averaged) weights.
    public func score(_ features: [UInt64], into scores: inout [Float]) {
        let n = labels.count
        for i in scores.indices { scores[i] = 0 }
        weights.withUnsafeBufferPointer { w in
            for hash in features {
                let base = bucket(hash) * n
                for l in 0..<n { scores[l] += w[base + l] }
            }
        }
    }

    public mutating func update(_ features: [UInt64], gold: Int, guess: Int) {
        if gold != guess {
            let n = labels.count
            for hash in features {
                let base = bucket(hash) * n
                weights[base + gold] += 1
                totals[base + gold] += step
                weights[base + guess] -= 1
                totals[base + guess] -= step
            }
        }
        step += 1
    }

    /// The averaged model, dropping weights whose magnitude is under `threshold`.
    public func finish(threshold: Float) -> Perceptron {
        let n = labels.count
        let buckets = 1 << bucketBits
        var starts = [UInt32](repeating: 0, count: buckets + 1)
        var entryLabels: [UInt8] = []
        var entryWeights: [Float] = []
        for b in 0..<buckets {
            starts[b] = UInt32(entryLabels.count)
            var count = 0
            for l in 0..<n {
                let i = b * n + l
                let average = weights[i] - totals[i] / step
                if abs(average) >= threshold, count < 255 {
                    entryLabels.append(UInt8(l))
                    entryWeights.append(average)
                    count += 1
                }
            }
        }
        starts[buckets] = UInt32(entryLabels.count)
        return Perceptron(
            labels: labels, bucketBits: bucketBits, rowStart: starts, entryLabels: entryLabels, entryWeights: entryWeights)
    }
}
