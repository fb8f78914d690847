/// A trained multi-class linear model over hashed features, stored sparsely: for each kept feature
/// bucket, the labels it has a weight for. Weights are quantised to 16 bits.
public struct Perceptron: Sendable {
    public let labels: [String]
    public let bucketBits: Int
    /// rowStart[bucket] ..< rowStart[bucket + 1] index `entryLabels` / `entryWeights`.
    let rowStart: [UInt32]
    let entryLabels: [UInt8]
    let entryWeights: [Float]

    static let magic: [UInt8] = Array("SLPC".utf8)
    static let version: UInt8 = 1

    public init(labels: [String], bucketBits: Int, rowStart: [UInt32], entryLabels: [UInt8], entryWeights: [Float]) {
        self.labels = labels
        self.bucketBits = bucketBits
        self.rowStart = rowStart
        self.entryLabels = entryLabels
        self.entryWeights = entryWeights
    }

    @inlinable
    public func bucket(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bucketBits)) }

    /// Adds the weights of the given feature hashes to `scores` (one per label).
    @inline(__always)
    public func score(_ features: UnsafeBufferPointer<UInt64>, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        rowStart.withUnsafeBufferPointer { starts in
            entryLabels.withUnsafeBufferPointer { labels in
                entryWeights.withUnsafeBufferPointer { weights in
                    scores.withUnsafeMutableBufferPointer { out in
                        for hash in features {
                            let b = Int(truncatingIfNeeded: hash >> UInt64(64 - bucketBits))
                            var e = Int(starts[b])
                            let end = Int(starts[b + 1])
                            while e < end {
                                out[Int(labels[e])] += weights[e]
                                e += 1
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: - Serialisation

    /// Layout: magic, version, bucket bits, label count, labels (length-prefixed UTF-8), scale,
    /// kept-bucket count, then per kept bucket: bucket delta (varint), entry count, (label, Int16).
    public func serialized() -> [UInt8] {
        var out = ByteWriter()
        out.bytes(Self.magic)
        out.u8(Self.version)
        out.u8(UInt8(bucketBits))
        out.u16(UInt16(labels.count))
        for label in labels { out.string(label) }
        let maxWeight = entryWeights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maxWeight > 0 ? maxWeight / 32767 : 1
        out.f32(scale)
        var kept = 0
        for b in 0..<(rowStart.count - 1) where rowStart[b + 1] > rowStart[b] { kept += 1 }
        out.varint(UInt64(kept))
        var previous = 0
        for b in 0..<(rowStart.count - 1) where rowStart[b + 1] > rowStart[b] {
            out.varint(UInt64(b - previous))
            previous = b
            let range = Int(rowStart[b])..<Int(rowStart[b + 1])
            out.u8(UInt8(range.count))
            for e in range {
                out.u8(entryLabels[e])
                out.i16(Int16(clamping: Int((entryWeights[e] / scale).rounded())))
            }
        }
        return out.data
    }

    public init(serialized data: [UInt8]) throws(LanguageModelError) {
        var input = ByteReader(data)
        guard try input.bytes(4) == Self.magic, try input.u8() == Self.version else {
            throw LanguageModelError(.badModel, "not a perceptron model of version \(Self.version)")
        }
        let bits = Int(try input.u8())
        guard bits >= 4, bits <= 26 else { throw LanguageModelError(.badModel, "bucket bits \(bits) out of range") }
        let labelCount = Int(try input.u16())
        guard labelCount <= 256 else { throw LanguageModelError(.badModel, "too many labels") }
        var labels: [String] = []
        for _ in 0..<labelCount { labels.append(try input.string()) }
        let scale = try input.f32()
        let kept = Int(try input.varint())
        let buckets = 1 << bits
        guard kept <= buckets else { throw LanguageModelError(.badModel, "more rows than buckets") }
        var rowBuckets: [Int] = []
        var rowBegins: [UInt32] = []
        var entryLabels: [UInt8] = []
        var entryWeights: [Float] = []
        var bucket = -1
        for _ in 0..<kept {
            let delta = Int(try input.varint())
            bucket = rowBuckets.isEmpty ? delta : bucket + delta
            guard bucket < buckets, rowBuckets.isEmpty || delta > 0 else {
                throw LanguageModelError(.badModel, "bucket out of range")
            }
            rowBuckets.append(bucket)
            rowBegins.append(UInt32(entryLabels.count))
            let count = Int(try input.u8())
            for _ in 0..<count {
                let label = try input.u8()
                guard Int(label) < labelCount else { throw LanguageModelError(.badModel, "label out of range") }
                entryLabels.append(label)
                entryWeights.append(Float(try input.i16()) * scale)
            }
        }
        // A bucket without a row starts (and ends) where the next row starts.
        var starts = [UInt32](repeating: 0, count: buckets + 1)
        var row = 0
        for b in 0...buckets {
            if row < rowBuckets.count, rowBuckets[row] >= b {
                starts[b] = rowBegins[row]
                if rowBuckets[row] == b { row += 1 }
            } else {
                starts[b] = UInt32(entryLabels.count)
            }
        }
        self.init(labels: labels, bucketBits: bits, rowStart: starts, entryLabels: entryLabels, entryWeights: entryWeights)
    }
}
