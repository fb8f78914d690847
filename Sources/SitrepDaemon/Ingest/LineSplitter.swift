/// Splits bytes read from a stream into complete lines; a last line without its newline is left for later.
public enum LineSplitter {
    public struct Line: Sendable, Equatable {
        /// Byte offset of the line's first byte in the file.
        public var offset: Int64
        /// The line without its newline (and without a trailing carriage return).
        public var range: Range<Int>
    }

    /// The complete lines of `bytes` (which start at file offset `base`) and how many bytes they cover.
    public static func completeLines(in bytes: [UInt8], base: Int64) -> (lines: [Line], consumed: Int) {
        var lines: [Line] = []
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == 0x0A {
                var end = index
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(Line(offset: base + Int64(start), range: start..<end))
                start = index + 1
            }
            index += 1
        }
        return (lines, start)
    }
}
