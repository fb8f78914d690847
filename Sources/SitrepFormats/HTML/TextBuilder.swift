/// Accumulates rendered text: collapses whitespace runs to one space, turns block boundaries into
/// "\n" or "\n\n", and never starts or ends with a separator.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    private var pendingBreak = 0
    private var pendingSpace = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Text as it appears in markup: entities decoded when asked, every whitespace run one space.
    mutating func appendText(_ text: ArraySlice<UInt8>, decodingEntities: Bool) {
        var index = text.startIndex
        let end = text.endIndex
        while index < end {
            let byte = text[index]
            if ByteClass.isWhitespace(byte) {
                pendingSpace = true
                index += 1
            } else if byte == 0xC2, index + 1 < end, text[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
            } else if byte == UInt8(ascii: "&"), decodingEntities,
                let (scalar, length) = HTMLEntities.reference(text, at: index)
            {
                if scalar == 0xA0 || scalar == 0x20 || scalar == 0x0A || scalar == 0x09 {
                    pendingSpace = true
                } else {
                    flushSeparator()
                    HTMLEntities.appendUTF8(scalar, to: &bytes)
                }
                index += length
            } else {
                flushSeparator()
                // Copy the whole run of ordinary bytes at once.
                var runEnd = index + 1
                while runEnd < end {
                    let next = text[runEnd]
                    if ByteClass.isWhitespace(next) || next == 0xC2 || next == UInt8(ascii: "&") { break }
                    runEnd += 1
                }
                bytes.append(contentsOf: text[index..<runEnd])
                index = runEnd
            }
        }
    }

    /// A block boundary: `newlines` is 1 for a line break, 2 for a paragraph break.
    mutating func requestBreak(_ newlines: Int) {
        pendingBreak = max(pendingBreak, newlines)
        pendingSpace = false
    }

    /// A boundary that separates words but not lines (table cells).
    mutating func requestSpace() {
        if pendingBreak == 0 { pendingSpace = true }
    }

    private mutating func flushSeparator() {
        if bytes.isEmpty {
            pendingBreak = 0
            pendingSpace = false
            return
        }
        if pendingBreak > 0 {
            for _ in 0..<pendingBreak { bytes.append(0x0A) }
        } else if pendingSpace {
            bytes.append(0x20)
        }
        pendingBreak = 0
        pendingSpace = false
    }
}
