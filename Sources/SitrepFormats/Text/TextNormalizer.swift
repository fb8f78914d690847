/// Turns raw bytes (or an already decoded string) into the clean text every document carries:
/// valid UTF-8, no control characters but newline and tab, "\n" line ends, mojibake repaired,
/// optionally HTML entities decoded and curly quotes folded, Unicode NFC.
public struct TextNormalizer: Sendable {
    /// Decode `&amp;`, `&#8217;`, `&#x2019;` and the common named entities.
    public var decodesEntities: Bool
    /// Replace curly quotes and primes with their ASCII forms.
    public var foldsQuotes: Bool
    /// Re-read UTF-8 that was decoded as Windows-1252 ("â€™" -> "’").
    public var repairsMojibake: Bool

    public static let lossyNote = "invalid UTF-8 decoded lossily"
    public static let mojibakeNote = "mojibake repaired"
    public static let legacyNote = "not UTF-8: decoded as Windows-1252"

    public init(decodesEntities: Bool = false, foldsQuotes: Bool = false, repairsMojibake: Bool = true) {
        self.decodesEntities = decodesEntities
        self.foldsQuotes = foldsQuotes
        self.repairsMojibake = repairsMojibake
    }

    /// Normalised text of `bytes`; remarks about the repairs made are appended to `notes`.
    public func normalize(_ bytes: some Collection<UInt8>, notes: inout [String]) -> String {
        let cleaned = cleanedBytes(Array(bytes)[...], notes: &notes)
        return finish(cleaned)
    }

    /// Normalised form of a string that is already valid Unicode.
    public func normalize(_ string: String) -> String {
        var notes: [String] = []
        return normalize(Array(string.utf8), notes: &notes)
    }

    /// Everything but the final NFC and quote folding, on bytes, so markup scanners can run in between.
    func cleanedBytes(_ bytes: ArraySlice<UInt8>, notes: inout [String]) -> [UInt8] {
        var scan = ControlScan()
        var out = scan.run(bytes)
        if scan.wasInvalid && scan.multibyteCount == 0 {
            // Not a single well-formed non-ASCII character: a legacy 8-bit file, not damaged UTF-8.
            scan = ControlScan()
            out = scan.run(Windows1252.transcode(bytes)[...])
            appendOnce(Self.legacyNote, to: &notes)
        } else if scan.wasInvalid {
            appendOnce(Self.lossyNote, to: &notes)
        }
        if repairsMojibake, scan.mayHaveMojibake || scan.hasC1Controls {
            let (repaired, count) = MojibakeRepair.repair(out)
            if count > 0 { appendOnce(Self.mojibakeNote, to: &notes) }
            out = repaired
        }
        if decodesEntities, out.contains(UInt8(ascii: "&")) {
            out = HTMLEntities.decodeAll(out[...])
        }
        return out
    }

    /// NFC, optional quote folding, outer whitespace trimmed.
    func finish(_ bytes: [UInt8]) -> String {
        let trimmed = ByteSearch.trimmed(bytes[...])
        var text = CanonicalComposition.compose(trimmed)
        if foldsQuotes { text = Self.foldQuotes(text) }
        return text
    }

    static func foldQuotes(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: scalars.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: scalars.append("\"")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private func appendOnce(_ note: String, to notes: inout [String]) {
        if !notes.contains(note) { notes.append(note) }
    }
}

/// One pass over raw bytes: replaces invalid UTF-8 with U+FFFD, drops C0 controls but "\n" and "\t",
/// turns "\r\n" and "\r" into "\n", drops a leading byte order mark, and notes what later passes need.
struct ControlScan {
    var wasInvalid = false
    var mayHaveMojibake = false
    var hasC1Controls = false
    /// Well-formed characters of two or more bytes seen.
    var multibyteCount = 0

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    mutating func run(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        let end = bytes.endIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        while index < end {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                // Printable ASCII, most of any text: copied a run at a time.
                var stop = index + 1
                while stop < end, bytes[stop] >= 0x20 && bytes[stop] < 0x7F { stop += 1 }
                out.append(contentsOf: bytes[index..<stop])
                index = stop
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x0A, 0x09: out.append(byte)
                case 0x0D:
                    out.append(0x0A)
                    if index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
                default: break
                }
                index += 1
                continue
            }
            let length = Self.sequenceLength(bytes, at: index)
            if length == 0 {
                wasInvalid = true
                out.append(contentsOf: Self.replacement)
                index += 1
                continue
            }
            if length == 2 {
                let second = bytes[index + 1]
                if byte == 0xC2 && second < 0xA0 { hasC1Controls = true }
                if byte == 0xC3 && second >= 0x82 && second <= 0xB4 { mayHaveMojibake = true }
            }
            if length == 3 && byte == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF {
                // A byte order mark inside text (files concatenated) carries no meaning.
                index += 3
                continue
            }
            multibyteCount += 1
            out.append(contentsOf: bytes[index..<(index + length)])
            index += length
        }
        return out
    }

    /// Length of the well-formed UTF-8 sequence starting at `index`, or 0 when it is ill-formed.
    static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let end = bytes.endIndex
        let lead = bytes[index]
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool
        {
            index + offset < end && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
