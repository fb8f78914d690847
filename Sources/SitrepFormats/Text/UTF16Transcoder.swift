/// Files saved as UTF-16 (Windows "Unicode", some exports) start with a byte order mark. Without this
/// step they would be read as Windows-1252, one letter and one NUL per character.
public enum UTF16Transcoder {
    public enum ByteOrder: String, Sendable {
        case littleEndian = "LE"
        case bigEndian = "BE"
    }

    /// The byte order a leading UTF-16 byte order mark announces, or nil when there is none. A UTF-32 LE
    /// mark (FF FE 00 00) is not taken for UTF-16.
    public static func byteOrder(of bytes: some Collection<UInt8>) -> ByteOrder? {
        var iterator = bytes.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return nil }
        if first == 0xFF && second == 0xFE {
            if let third = iterator.next(), let fourth = iterator.next(), third == 0, fourth == 0 {
                return nil
            }
            return .littleEndian
        }
        return first == 0xFE && second == 0xFF ? .bigEndian : nil
    }

    public static func note(_ order: ByteOrder) -> String { "UTF-16 \(order.rawValue) decoded" }

    /// UTF-8 of UTF-16 `bytes` (the byte order mark dropped). Unpaired surrogates and an odd last byte
    /// become U+FFFD. One pass, output at most 1.5 times the input.
    public static func utf8(_ bytes: ArraySlice<UInt8>, order: ByteOrder) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var index = bytes.startIndex + 2
        let end = bytes.endIndex
        @inline(__always) func unit(at position: Int) -> UInt32 {
            let a = UInt32(bytes[position])
            let b = UInt32(bytes[position + 1])
            return order == .littleEndian ? a | b << 8 : a << 8 | b
        }
        while index + 1 < end {
            let first = unit(at: index)
            index += 2
            switch first {
            case 0xD800...0xDBFF:
                if index + 1 < end {
                    let second = unit(at: index)
                    if (0xDC00...0xDFFF).contains(second) {
                        index += 2
                        HTMLEntities.appendUTF8(
                            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), to: &out)
                        continue
                    }
                }
                HTMLEntities.appendUTF8(0xFFFD, to: &out)
            case 0xDC00...0xDFFF:
                HTMLEntities.appendUTF8(0xFFFD, to: &out)
            default:
                HTMLEntities.appendUTF8(first, to: &out)
            }
        }
        if index < end { HTMLEntities.appendUTF8(0xFFFD, to: &out) }
        return out
    }
}
