/// Repairs UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and re-encoded:
/// "â€™" -> "’", "Ã©" -> "é". Each candidate run is mapped back to the bytes Windows-1252 would have
/// read and kept only when those bytes form exactly one well-formed UTF-8 character, so ordinary
/// accented text is left alone. Leftover C1 control characters are dropped.
enum MojibakeRepair {
    /// The repaired bytes and the number of characters repaired.
    static func repair(_ bytes: [UInt8]) -> ([UInt8], Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var repaired = 0
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                out.append(byte)
                index += 1
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: index)
            if scalar >= 0xC2 && scalar <= 0xF4,
                let (sequence, consumed) = candidate(bytes, lead: UInt8(scalar), at: index + length)
            {
                out.append(contentsOf: sequence)
                repaired += 1
                index += length + consumed
                continue
            }
            if scalar >= 0x80 && scalar <= 0x9F {
                index += length
                continue
            }
            out.append(contentsOf: bytes[index..<(index + length)])
            index += length
        }
        return (out, repaired)
    }

    /// The UTF-8 sequence a mojibake run starting with `lead` stood for, and the bytes its tail occupied.
    private static func candidate(_ bytes: [UInt8], lead: UInt8, at start: Int) -> ([UInt8], Int)? {
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        default: needed = 3
        }
        var sequence: [UInt8] = [lead]
        var index = start
        while sequence.count <= needed, index < bytes.count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            guard let byte = windows1252Byte(scalar), byte >= 0x80, byte <= 0xBF else { break }
            sequence.append(byte)
            index += length
        }
        if sequence.count == needed + 1,
            ControlScan.sequenceLength(sequence[...], at: 0) == sequence.count
        {
            return (sequence, index - start)
        }
        // "â€" whose third byte (0x9D, undefined in Windows-1252) was dropped on the way: a closing quote.
        if lead == 0xE2, sequence == [0xE2, 0x80] {
            return ([0xE2, 0x80, 0x9D], index - start)
        }
        return nil
    }

    /// The byte Windows-1252 decodes to `scalar`; C1 code points stand for themselves (Latin-1 reading).
    private static func windows1252Byte(_ scalar: UInt32) -> UInt8? {
        if scalar >= 0x80 && scalar <= 0xFF { return UInt8(scalar) }
        switch scalar {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    /// Scalar value and length of the (already validated) UTF-8 sequence at `index`.
    @inline(__always)
    static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let end = bytes.count
        @inline(__always) func tail(_ offset: Int) -> UInt32 {
            index + offset < end ? UInt32(bytes[index + offset] & 0x3F) : 0
        }
        switch lead {
        case 0..<0x80: return (lead, 1)
        case 0xC0..<0xE0: return ((lead & 0x1F) << 6 | tail(1), 2)
        case 0xE0..<0xF0: return ((lead & 0x0F) << 12 | tail(1) << 6 | tail(2), 3)
        default: return ((lead & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3), 4)
        }
    }
}
