/// Hashing of feature parts to integers, so the hot path never builds feature strings.
public enum FeatureHash {
    /// FNV-1a over bytes.
    @inlinable
    public static func bytes<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Combines a template number and up to three part hashes (splitmix64 finaliser).
    @inlinable
    public static func combine(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        var x = template &* 0x9E37_79B9_7F4A_7C15 ^ a
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9 ^ b
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB ^ c
        x = (x ^ (x >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 29)
    }
}
