/// The stored weights of a trained parser: for each kept feature (by its 32-bit fingerprint) a
/// short list of (move class, 16-bit weight). Scores are sums of integers, so parsing needs no
/// floating point and gives the same result everywhere.
///
/// File layout, little-endian: "SDPM", format version, template version, label count, labels
/// (UInt16 length + UTF-8), feature count, entry count, fingerprints (UInt32 each), entry counts
/// (UInt8 each), entries (UInt32 each: class in the high half, weight in the low half).
struct ParserModel: Sendable {
    static let magic: [UInt8] = Array("SDPM".utf8)
    static let formatVersion: UInt32 = 1

    let labels: [String]
    /// Open-addressing table: fingerprint << 32 | first entry << 8 | entry count; 0 is empty.
    let slots: [UInt64]
    let mask: Int
    let entries: [UInt32]

    var classCount: Int { 1 + 2 * labels.count }

    /// Builds the lookup table from features sorted by fingerprint.
    init(labels: [String], fingerprints: [UInt32], counts: [UInt8], entries: [UInt32]) {
        self.labels = labels
        self.entries = entries
        var capacity = 16
        while capacity < fingerprints.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        var start = 0
        for (i, fp) in fingerprints.enumerated() {
            var at = Int(fp) & mask
            while slots[at] != 0 { at = (at + 1) & mask }
            slots[at] = UInt64(fp) << 32 | UInt64(start) << 8 | UInt64(counts[i])
            start += Int(counts[i])
        }
        self.slots = slots
        self.mask = mask
    }

    /// Adds the weights of the features in `keys` into `scores` (classCount long). Two passes: the
    /// table probes first (independent loads the processor overlaps), then the weight lists.
    @inline(__always)
    func score(_ keys: UnsafePointer<UInt64>, _ count: Int, into scores: UnsafeMutablePointer<Int32>, found: UnsafeMutablePointer<UInt64>) {
        slots.withUnsafeBufferPointer { sl in
            entries.withUnsafeBufferPointer { en in
                var hits = 0
                for i in 0..<count {
                    let fp = ParserHash.fingerprint(keys[i])
                    var at = Int(fp) & mask
                    var s = sl[at]
                    while s != 0 && UInt32(truncatingIfNeeded: s >> 32) != fp {
                        at = (at + 1) & mask
                        s = sl[at]
                    }
                    found[hits] = s
                    hits &+= s != 0 ? 1 : 0
                }
                for i in 0..<hits {
                    let s = found[i]
                    let first = Int((s >> 8) & 0xFF_FFFF), n = Int(s & 0xFF)
                    for e in first..<(first + n) {
                        let v = en[e]
                        scores[Int(v >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: v)))
                    }
                }
            }
        }
    }

    // MARK: bytes

    func serialized(fingerprints: [UInt32], counts: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + fingerprints.count * 5 + entries.count * 4)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        out.append(contentsOf: Self.magic)
        u32(Self.formatVersion)
        u32(ParserFeatures.version)
        u32(UInt32(labels.count))
        for label in labels {
            let bytes = Array(label.utf8)
            withUnsafeBytes(of: UInt16(bytes.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
        }
        u32(UInt32(fingerprints.count))
        u32(UInt32(entries.count))
        for fp in fingerprints { u32(fp) }
        out.append(contentsOf: counts)
        for e in entries { u32(e) }
        return out
    }

    init(bytes: [UInt8]) throws(ParserError) {
        var at = 0
        func need(_ k: Int, _ what: String) throws(ParserError) {
            if at + k > bytes.count { throw ParserError(.truncated, "\(what) at byte \(at) of \(bytes.count)") }
        }
        func u32(_ what: String) throws(ParserError) -> UInt32 {
            try need(4, what)
            let v = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
            at += 4
            return v
        }
        try need(4, "magic")
        guard Array(bytes[0..<4]) == Self.magic else { throw ParserError(.badMagic, "first bytes") }
        at = 4
        let format = try u32("format version")
        guard format == Self.formatVersion else { throw ParserError(.unsupportedVersion, "format \(format)") }
        let templates = try u32("template version")
        guard templates == ParserFeatures.version else {
            throw ParserError(.unsupportedVersion, "templates \(templates), this build reads \(ParserFeatures.version)")
        }
        let labelCount = Int(try u32("label count"))
        guard labelCount < 30_000 else { throw ParserError(.truncated, "label count \(labelCount)") }
        var labels: [String] = []
        for i in 0..<labelCount {
            try need(2, "label \(i)")
            let len = Int(bytes[at]) | Int(bytes[at + 1]) << 8
            at += 2
            try need(len, "label \(i)")
            guard let label = String(validating: bytes[at..<(at + len)], as: UTF8.self) else {
                throw ParserError(.badLabel, "label \(i)")
            }
            labels.append(label)
            at += len
        }
        let featureCount = Int(try u32("feature count"))
        let entryCount = Int(try u32("entry count"))
        try need(featureCount * 5 + entryCount * 4, "weights")
        var fps = [UInt32](repeating: 0, count: featureCount)
        var entries = [UInt32](repeating: 0, count: entryCount)
        bytes.withUnsafeBytes { raw in
            for i in 0..<featureCount { fps[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 4 * i, as: UInt32.self)) }
            at += 4 * featureCount
        }
        let counts = Array(bytes[at..<(at + featureCount)])
        at += featureCount
        bytes.withUnsafeBytes { raw in
            for i in 0..<entryCount { entries[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 4 * i, as: UInt32.self)) }
        }
        let classCount = 1 + 2 * labelCount
        guard counts.reduce(0, { $0 + Int($1) }) == entryCount,
              entries.allSatisfy({ Int($0 >> 16) < classCount })
        else { throw ParserError(.truncated, "entry counts do not match the weights") }
        self.init(labels: labels, fingerprints: fps, counts: counts, entries: entries)
    }
}
