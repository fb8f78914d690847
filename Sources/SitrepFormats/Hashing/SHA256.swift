/// SHA-256 (FIPS 180-4), pure Swift.
///
/// Every document is hashed, so the compression works on raw pointers: whole blocks are read straight
/// from the caller's bytes, the padded tail and the message schedule live in one stack buffer, and a
/// digest costs no heap allocation beyond its result.
public enum SHA256 {
    public static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let state = hashState(bytes)
        return [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            state.forEachWord { index, word in
                buffer[index * 4] = UInt8(truncatingIfNeeded: word >> 24)
                buffer[index * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
                buffer[index * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
                buffer[index * 4 + 3] = UInt8(truncatingIfNeeded: word)
            }
            count = 32
        }
    }

    /// Lowercase hex of the digest.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        hexString(hashState(bytes))
    }

    /// Lowercase hex of the digest of the string's UTF-8.
    public static func hex(_ string: String) -> String {
        var string = string
        return hexString(string.withUTF8 { hashState(UnsafeRawBufferPointer($0)) })
    }

    private static func hashState(_ bytes: some Sequence<UInt8>) -> State {
        if let state = bytes.withContiguousStorageIfAvailable({ hashState(UnsafeRawBufferPointer($0)) }) {
            return state
        }
        return Array(bytes).withUnsafeBytes { hashState($0) }
    }

    private static func hexString(_ state: State) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            let out = UnsafeMutableRawBufferPointer(buffer)
            state.forEachWord { index, word in
                out.storeBytes(of: hexDigits(word).bigEndian, toByteOffset: index * 8, as: UInt64.self)
            }
            return 64
        }
    }

    /// The eight lowercase hex digits of `word`, least significant digit in the lowest byte.
    @inline(__always)
    private static func hexDigits(_ word: UInt32) -> UInt64 {
        // Spread the nibbles one per byte: 0x1234_5678 -> 0x0102_0304_0506_0708.
        var nibbles = UInt64(word)
        nibbles = (nibbles | nibbles << 16) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | nibbles << 8) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | nibbles << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // 1 in every byte holding 10...15, which must become 'a'...'f' rather than follow '9'.
        let letters = ((nibbles &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010) >> 4
        return nibbles &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
    }

    /// All of `bytes`, padded per FIPS 180-4 §5.1.1, through the compression function.
    private static func hashState(_ bytes: UnsafeRawBufferPointer) -> State {
        var state = State()
        let blockCount = bytes.count / 64
        let tailCount = bytes.count - blockCount * 64
        roundConstants.withUnsafeBufferPointer { constants in
            // 64 words of message schedule, then 128 bytes (32 words) for the padded tail.
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 96) { scratch in
                guard let k = constants.baseAddress, let schedule = scratch.baseAddress else { return }
                if let base = bytes.baseAddress {
                    for block in 0..<blockCount {
                        state.compress(base + block * 64, schedule: schedule, constants: k)
                    }
                }
                let tail = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: scratch[64...]))
                tail.initializeMemory(as: UInt8.self, repeating: 0)
                if tailCount > 0 {
                    tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[(blockCount * 64)...]))
                }
                tail[tailCount] = 0x80
                let tailBlocks = tailCount < 56 ? 1 : 2
                let bitLength = UInt64(truncatingIfNeeded: bytes.count) &* 8
                tail.storeBytes(of: bitLength.bigEndian, toByteOffset: tailBlocks * 64 - 8, as: UInt64.self)
                guard let tailBase = tail.baseAddress else { return }
                for block in 0..<tailBlocks {
                    state.compress(UnsafeRawPointer(tailBase + block * 64), schedule: schedule, constants: k)
                }
            }
        }
        return state
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
        0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7,
        0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc,
        0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351,
        0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e,
        0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585,
        0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f,
        0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
        0xc671_78f2,
    ]

    /// The eight working hash words H0...H7.
    private struct State {
        var h0: UInt32 = 0x6a09_e667
        var h1: UInt32 = 0xbb67_ae85
        var h2: UInt32 = 0x3c6e_f372
        var h3: UInt32 = 0xa54f_f53a
        var h4: UInt32 = 0x510e_527f
        var h5: UInt32 = 0x9b05_688c
        var h6: UInt32 = 0x1f83_d9ab
        var h7: UInt32 = 0x5be0_cd19

        /// Calls `body` with each word's index and value, H0 first.
        func forEachWord(_ body: (Int, UInt32) -> Void) {
            body(0, h0)
            body(1, h1)
            body(2, h2)
            body(3, h3)
            body(4, h4)
            body(5, h5)
            body(6, h6)
            body(7, h7)
        }

        /// One 64-byte block. `schedule` has room for 64 words; `constants` points at the 64 round constants.
        mutating func compress(
            _ block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>,
            constants k: UnsafePointer<UInt32>
        ) {
            for t in 0..<16 {
                w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
            }
            for t in 16..<64 {
                let x = w[t - 15]
                let y = w[t - 2]
                let s0 = rotr(rotr(x, 11) ^ x, 7) ^ (x >> 3)
                let s1 = rotr(rotr(y, 2) ^ y, 17) ^ (y >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var a = h0
            var b = h1
            var c = h2
            var d = h3
            var e = h4
            var f = h5
            var g = h6
            var h = h7
            var bXorC = b ^ c
            // Eight rounds per pass with the roles of the variables rotated instead of their values.
            var t = 0
            while t < 64 {
                round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t], &bXorC)
                round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1], &bXorC)
                round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2], &bXorC)
                round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3], &bXorC)
                round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4], &bXorC)
                round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5], &bXorC)
                round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6], &bXorC)
                round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7], &bXorC)
                t += 8
            }
            h0 &+= a
            h1 &+= b
            h2 &+= c
            h3 &+= d
            h4 &+= e
            h5 &+= f
            h6 &+= g
            h7 &+= h
        }

        /// One round: `d` becomes the new `e` and `h` the new `a` (FIPS 180-4 §6.2.2 step 3).
        /// The rotations are nested (rotr(rotr(x, 14) ^ x, 5) ... = rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25)) to
        /// need one copy of the register instead of three, and Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)) reuses
        /// this round's a ^ b as the next round's b ^ c.
        @inline(__always)
        private func round(
            _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
            _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32,
            _ bXorC: inout UInt32
        ) {
            let sigma1 = rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6)
            let choice = g ^ (e & (f ^ g))
            let temp1 = h &+ sigma1 &+ choice &+ constantPlusWord
            let sigma0 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2)
            let aXorB = a ^ b
            let majority = b ^ (aXorB & bXorC)
            bXorC = aXorB
            d &+= temp1
            h = temp1 &+ sigma0 &+ majority
        }

        @inline(__always)
        private func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
            (value >> count) | (value << (32 - count))
        }
    }
}
