/// Which kinds of known names a lower-case word occurs in, first word or later word, as bits:
/// place 1/2, person 4/8, organisation 16/32, nationality or group 64/128.
public struct NameGazetteer: Sendable {
    public enum Kind: Int, Sendable, CaseIterable { case place = 0, person, organization, group }

    var table: [UInt64: UInt8]

    public init() { table = [:] }

    /// Adds a name of several words (split on spaces).
    public mutating func add(_ name: String, kind: Kind) {
        let words = name.lowercased().split(separator: " ")
        for (i, word) in words.enumerated() {
            let bit = UInt8(1 << (kind.rawValue * 2 + (i == 0 ? 0 : 1)))
            table[FeatureHash.bytes(word.utf8), default: 0] |= bit
        }
    }

    public func bits(lowerHash: UInt64) -> UInt8 { table[lowerHash] ?? 0 }

    func serialized(into out: inout ByteWriter) {
        out.varint(UInt64(table.count))
        for (hash, bits) in table.sorted(by: { $0.key < $1.key }) {
            out.u64(hash)
            out.u8(bits)
        }
    }

    init(reading input: inout ByteReader) throws(LanguageModelError) {
        let count = Int(try input.varint())
        guard count < 1 << 24 else { throw LanguageModelError(.badModel, "gazetteer too large") }
        table = Dictionary(minimumCapacity: count)
        for _ in 0..<count {
            let hash = try input.u64()
            table[hash] = try input.u8()
        }
    }
}
