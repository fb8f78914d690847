/// Averaged-perceptron weights while training: per feature a linked list of (class, weight)
/// entries, created only when an update touches them, with lazily kept sums for averaging.
struct TrainingWeights {
    let classCount: Int
    private var table = FeatureTable(capacity: 1 << 20)
    private var first: [Int32] = []  // per feature: first entry, -1 if none
    private var entryClass: [Int32] = []
    private var entryNext: [Int32] = []
    private var weight: [Float] = []
    private var total: [Double] = []
    private var stamp: [Int32] = []
    private var now: Int32 = 0

    init(classCount: Int) {
        self.classCount = classCount
    }

    mutating func tick() { now += 1 }

    func score(_ keys: UnsafePointer<UInt64>, _ count: Int, into scores: UnsafeMutablePointer<Float>) {
        for i in 0..<count {
            let f = table.find(keys[i])
            if f < 0 { continue }
            var e = first[Int(f)]
            while e >= 0 {
                scores[Int(entryClass[Int(e)])] += weight[Int(e)]
                e = entryNext[Int(e)]
            }
        }
    }

    mutating func update(_ keys: UnsafePointer<UInt64>, _ count: Int, gold: Int, predicted: Int) {
        for i in 0..<count {
            let f = Int(table.findOrInsert(keys[i]))
            if f == first.count { first.append(-1) }
            add(feature: f, cls: gold, delta: 1)
            add(feature: f, cls: predicted, delta: -1)
        }
    }

    private mutating func add(feature f: Int, cls: Int, delta: Float) {
        var e = first[f]
        while e >= 0 && Int(entryClass[Int(e)]) != cls { e = entryNext[Int(e)] }
        if e < 0 {
            e = Int32(weight.count)
            entryClass.append(Int32(cls))
            entryNext.append(first[f])
            weight.append(0)
            total.append(0)
            stamp.append(now)
            first[f] = e
        }
        let i = Int(e)
        total[i] += Double(weight[i]) * Double(now - stamp[i])
        stamp[i] = now
        weight[i] += delta
    }

    /// Averages, prunes, quantises to 16 bits and writes the model bytes.
    func exportModel(labels: [String], pruneBelow: Float, maxEntries: Int) -> [UInt8] {
        let steps = Double(max(now, 1))
        var averaged = [Float](repeating: 0, count: weight.count)
        for i in weight.indices {
            averaged[i] = Float((total[i] + Double(weight[i]) * Double(now - stamp[i])) / steps)
        }
        // The magnitude a weight needs to be kept: the prune floor, raised to fit maxEntries.
        var floor = pruneBelow
        let kept = averaged.filter { abs($0) >= pruneBelow }
        if kept.count > maxEntries {
            let sorted = kept.map { abs($0) }.sorted(by: >)
            floor = max(floor, sorted[maxEntries - 1])
        }
        let maxAbs = averaged.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maxAbs > 0 ? 32767 / maxAbs : 1

        // Per fingerprint, the class weights of every feature with that fingerprint (a rare
        // 32-bit collision merges two features).
        var byPrint: [UInt32: [Int: Int]] = [:]
        for (key, index) in table.pairs() {
            var e = first[Int(index)]
            var list: [(Int, Int)] = []
            while e >= 0 {
                let a = averaged[Int(e)]
                if abs(a) >= floor {
                    let q = Int((a * scale).rounded())
                    if q != 0 { list.append((Int(entryClass[Int(e)]), q)) }
                }
                e = entryNext[Int(e)]
            }
            if list.isEmpty { continue }
            let fp = ParserHash.fingerprint(key)
            for (c, q) in list { byPrint[fp, default: [:]][c, default: 0] += q }
        }
        var fingerprints: [UInt32] = []
        var counts: [UInt8] = []
        var entries: [UInt32] = []
        for fp in byPrint.keys.sorted() {
            var list = byPrint[fp]!.map { (cls: $0.key, w: max(-32767, min(32767, $0.value))) }
            list.sort { (abs($0.w), -$0.cls) > (abs($1.w), -$1.cls) }
            if list.count > 255 { list.removeLast(list.count - 255) }
            list.sort { $0.cls < $1.cls }
            fingerprints.append(fp)
            counts.append(UInt8(list.count))
            for item in list {
                entries.append(UInt32(item.cls) << 16 | UInt32(UInt16(bitPattern: Int16(item.w))))
            }
        }
        let model = ParserModel(labels: labels, fingerprints: fingerprints, counts: counts, entries: entries)
        return model.serialized(fingerprints: fingerprints, counts: counts)
    }
}
