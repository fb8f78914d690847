/// Little-endian writing of model files.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func u8(_ v: UInt8) { data.append(v) }
    mutating func u16(_ v: UInt16) { data.append(UInt8(v & 0xFF)); data.append(UInt8(v >> 8)) }
    mutating func i16(_ v: Int16) { u16(UInt16(bitPattern: v)) }
    mutating func u32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { data.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { data.append(UInt8((v >> UInt64(s)) & 0xFF)) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            data.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        data.append(UInt8(v))
    }
    mutating func string(_ s: String) {
        let b = Array(s.utf8)
        varint(UInt64(b.count))
        bytes(b)
    }
}

/// Bounds-checked reading of model files: a short or corrupt file is an error, never a trap.
struct ByteReader {
    let data: [UInt8]
    var offset = 0

    init(_ data: [UInt8]) { self.data = data }

    var atEnd: Bool { offset >= data.count }

    mutating func bytes(_ n: Int) throws(LanguageModelError) -> [UInt8] {
        guard n >= 0, data.count - offset >= n else { throw LanguageModelError(.badModel, "model file is truncated") }
        defer { offset += n }
        return Array(data[offset..<(offset + n)])
    }
    mutating func u8() throws(LanguageModelError) -> UInt8 {
        guard offset < data.count else { throw LanguageModelError(.badModel, "model file is truncated") }
        defer { offset += 1 }
        return data[offset]
    }
    mutating func u16() throws(LanguageModelError) -> UInt16 {
        let lo = UInt16(try u8())
        return lo | UInt16(try u8()) << 8
    }
    mutating func i16() throws(LanguageModelError) -> Int16 { Int16(bitPattern: try u16()) }
    mutating func u32() throws(LanguageModelError) -> UInt32 {
        var v: UInt32 = 0
        for s in stride(from: 0, to: 32, by: 8) { v |= UInt32(try u8()) << UInt32(s) }
        return v
    }
    mutating func u64() throws(LanguageModelError) -> UInt64 {
        var v: UInt64 = 0
        for s in stride(from: 0, to: 64, by: 8) { v |= UInt64(try u8()) << UInt64(s) }
        return v
    }
    mutating func f32() throws(LanguageModelError) -> Float { Float(bitPattern: try u32()) }
    mutating func varint() throws(LanguageModelError) -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try u8()
            guard shift < 64 else { throw LanguageModelError(.badModel, "varint too long") }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }
    mutating func string() throws(LanguageModelError) -> String {
        let n = Int(try varint())
        guard n <= 1 << 20 else { throw LanguageModelError(.badModel, "string too long") }
        return String(decoding: try bytes(n), as: UTF8.self)
    }
}
