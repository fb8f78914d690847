/// The Windows-1252 code page (a superset of ISO 8859-1 for text), for files that are not UTF-8.
enum Windows1252 {
    /// Code points of bytes 0x80...0x9F; the rest of the upper half equals Latin-1.
    static let upperControls: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func transcode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else if byte < 0xA0 {
                HTMLEntities.appendUTF8(upperControls[Int(byte - 0x80)], to: &out)
            } else {
                HTMLEntities.appendUTF8(UInt32(byte), to: &out)
            }
        }
        return out
    }
}
