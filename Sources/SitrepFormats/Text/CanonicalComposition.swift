import Foundation

/// Unicode NFC without paying for it on text that is already composed. A conservative quick check
/// (a superset of the characters whose NFC quick-check property is No or Maybe) finds the lines that may
/// change; only those go through Foundation. Composition never crosses a line break (a newline is a
/// starter that composes with nothing), so line-wise normalisation equals whole-text normalisation.
enum CanonicalComposition {
    static func compose(_ bytes: ArraySlice<UInt8>) -> String {
        guard let firstSuspect = firstSuspectIndex(bytes, from: bytes.startIndex) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lineStart = bytes.startIndex
        var suspect: Int? = firstSuspect
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
            if let found = suspect, found < lineEnd {
                let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                out.append(contentsOf: line.precomposedStringWithCanonicalMapping.utf8)
                suspect = firstSuspectIndex(bytes, from: lineEnd)
            } else {
                out.append(contentsOf: bytes[lineStart..<lineEnd])
            }
            lineStart = lineEnd
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Start of the first character at or after `start` that NFC might change or compose with.
    private static func firstSuspectIndex(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            // Everything below U+0300 (leads up to 0xCB) is NFC-stable and composes with nothing before it.
            if lead < 0xCC {
                index += 1
                continue
            }
            if lead >= 0xF0 { return index }  // supplementary planes: rare; let Foundation decide
            guard lead >= 0xC0 else {
                index += 1
                continue
            }
            let scalar: UInt32
            if lead < 0xE0 {
                guard index + 1 < end else { return nil }
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else {
                guard index + 2 < end else { return nil }
                scalar =
                    UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                    | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            }
            if mayChange(scalar) { return index - (lead < 0xE0 ? 2 : 3) }
        }
        return nil
    }

    private static let suspectRanges: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0374...0x0374, 0x037E...0x037E, 0x0387...0x0387, 0x0483...0x0489,
        0x0591...0x05C7, 0x0610...0x061A, 0x064B...0x065F, 0x0670...0x0670, 0x06D6...0x06ED,
        0x0711...0x0711, 0x0730...0x074A, 0x07EB...0x07F3, 0x0816...0x082D, 0x0859...0x085B,
        0x08D3...0x08FF, 0x0900...0x0DFF, 0x0E31...0x0EFF, 0x0F00...0x0FFF, 0x1000...0x109F,
        0x1100...0x11FF, 0x1AB0...0x1B7F, 0x1DC0...0x1FFF, 0x2000...0x2001, 0x20D0...0x20FF,
        0x2126...0x212B, 0x2329...0x232A, 0x2ADC...0x2ADC, 0x302A...0x302F, 0x3099...0x309A,
        0xF900...0xFAFF, 0xFB1D...0xFB4F, 0xFE20...0xFE2F,
    ]

    private static func mayChange(_ scalar: UInt32) -> Bool {
        for range in suspectRanges {
            if scalar < range.lowerBound { return false }
            if scalar <= range.upperBound { return true }
        }
        return false
    }
}
