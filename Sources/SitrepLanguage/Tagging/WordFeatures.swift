/// Hashes of one word's parts, computed once per word so features are integer combinations.
public struct WordFeatures: Sendable {
    public var lower: UInt64
    public var shape: UInt64
    public var suffix1: UInt64
    public var suffix2: UInt64
    public var suffix3: UInt64
    public var suffix4: UInt64
    public var prefix1: UInt64
    public var prefix2: UInt64
    /// Bits: 1 first letter upper case, 2 all upper, 4 has digit, 8 has hyphen, 16 has letter.
    public var flags: UInt64

    public init<C: BidirectionalCollection<UInt8>>(_ form: C) {
        var lowerBytes: [UInt8] = []
        lowerBytes.reserveCapacity(form.count)
        var shapeHash: UInt64 = 0xCBF2_9CE4_8422_2325
        var lastShape: UInt8 = 0
        var shapeRun = 0
        var flags: UInt64 = 0
        var allUpper = true
        var first = true
        for b in form {
            let isUpper = b >= 0x41 && b <= 0x5A
            let isLower = b >= 0x61 && b <= 0x7A
            let isDigit = b >= 0x30 && b <= 0x39
            lowerBytes.append(isUpper ? b | 0x20 : b)
            if first, isUpper { flags |= 1 }
            if isLower { allUpper = false }
            if isDigit { flags |= 4 }
            if b == 0x2D { flags |= 8 }
            if isUpper || isLower || b >= 0x80 { flags |= 16 }
            first = false
            let s: UInt8 = isUpper ? 0x58 : isLower ? 0x78 : isDigit ? 0x64 : b >= 0x80 ? 0x75 : b
            if s == lastShape { shapeRun += 1 } else { shapeRun = 0 }
            if shapeRun < 2 {
                shapeHash ^= UInt64(s)
                shapeHash = shapeHash &* 0x0000_0100_0000_01B3
            }
            lastShape = s
        }
        if allUpper, flags & 16 != 0 { flags |= 2 }
        self.flags = flags
        shape = shapeHash
        lower = FeatureHash.bytes(lowerBytes)
        let n = lowerBytes.count
        suffix1 = FeatureHash.bytes(lowerBytes[max(0, n - 1)...]) ^ 1
        suffix2 = FeatureHash.bytes(lowerBytes[max(0, n - 2)...]) ^ 2
        suffix3 = FeatureHash.bytes(lowerBytes[max(0, n - 3)...]) ^ 3
        suffix4 = FeatureHash.bytes(lowerBytes[max(0, n - 4)...]) ^ 4
        prefix1 = FeatureHash.bytes(lowerBytes.prefix(1)) ^ 5
        prefix2 = FeatureHash.bytes(lowerBytes.prefix(2)) ^ 6
    }

    /// Stands in for the words before the start and after the end of a sentence.
    public static let boundary = WordFeatures(Array("<s>".utf8))
}
