/// 64-bit hashes of lookup keys. The tokenizer hashes each token's key once, so the lexicons find
/// words and phrases without hashing strings again: a phrase's hash is folded from its words' hashes.
enum KeyHash {
    /// The hash of a key's UTF-8 bytes: FNV-1a, finished with a mixer so that the low bits (the slot
    /// of an open-addressing table) depend on every byte.
    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash = start
        for byte in bytes { hash = adding(hash, byte) }
        return finish(hash)
    }

    static func of(_ key: String) -> UInt64 { of(key.utf8) }

    static let start: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func adding(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always) static func finish(_ hash: UInt64) -> UInt64 { mix(hash) }

    /// The hash of a phrase with no words yet; `phrase(_:_:)` adds one word at a time.
    static let phraseStart: UInt64 = 0x9e37_79b9_7f4a_7c15

    @inline(__always) static func phrase(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        mix((hash ^ word) &* 0xff51_afd7_ed55_8ccd &+ 0x2545_f491_4f6c_dd1d)
    }

    /// MurmurHash3's finaliser.
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}
