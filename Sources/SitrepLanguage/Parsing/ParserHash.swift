/// Hashing for parser features: stable across processes and platforms (Swift's `Hasher` is seeded
/// per process, which would make models and their files differ from run to run).
enum ParserHash {
    /// FNV-1a over the UTF-8 bytes; never 0 (0 stands for "no token").
    static func string(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h == 0 ? 1 : h
    }

    /// The form a word feature sees: lower case, digits folded to 0, so numbers share weights.
    static func word(_ form: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in form.utf8 {
            var b = byte
            if b >= 65 && b <= 90 { b += 32 } else if b >= 48 && b <= 57 { b = 48 }
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h == 0 ? 1 : h
    }

    /// Mixes a value into a running key: one multiply, which carries every input bit into the
    /// high half; `fingerprint` reads only the high half.
    @inline(__always)
    static func mix(_ key: UInt64, _ value: UInt64) -> UInt64 {
        (key ^ value) &* 0x9e37_79b9_7f4a_7c15
    }

    /// The 32-bit fingerprint a stored model keeps for a 64-bit feature key; never 0 (empty slot).
    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: key >> 32)
        return f == 0 ? 1 : f
    }
}
