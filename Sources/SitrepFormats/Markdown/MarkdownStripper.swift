/// Markdown -> the words a reader sees: heading marks, emphasis, link syntax, block quote and bullet
/// markers go; fenced code blocks go with their fences (code is not prose: its words would be read as
/// sentences), leaving a paragraph break. Works line by line on UTF-8 bytes.
enum MarkdownStripper {
    /// How far a link's closing bracket is looked for; keeps pathological lines linear.
    private static let linkSearchLimit = 512

    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inFence = false
        var fenceMarker: UInt8 = 0
        var lineStart = 0
        var blankRun = 0
        while lineStart <= bytes.count {
            let lineEnd =
                lineStart < bytes.count
                ? (bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count) : bytes.count
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            let content = leadingSpacesDropped(line, limit: 3)
            let lineOutStart = out.count
            if let first = content.first, (first == UInt8(ascii: "`") || first == UInt8(ascii: "~")),
                content.prefix(3).allSatisfy({ $0 == first }), content.count >= 3,
                !inFence || first == fenceMarker
            {
                inFence.toggle()
                fenceMarker = first
            } else if inFence {
                // Code: dropped like a blank line below.
            } else if isReferenceDefinition(content) || isRule(content) {
                // Link reference definitions, thematic breaks and setext underlines carry no words.
                continue
            } else {
                appendInline(blockMarkersDropped(content), to: &out)
            }
            // Dropped lines could leave long runs of blank lines; a paragraph break is enough.
            if ByteSearch.trimmed(out[lineOutStart...]).isEmpty {
                out.removeSubrange(lineOutStart...)
                blankRun += 1
                if blankRun > 1 { continue }
            } else {
                blankRun = 0
            }
            out.append(0x0A)
        }
        return out
    }

    private static func leadingSpacesDropped(_ line: ArraySlice<UInt8>, limit: Int) -> ArraySlice<UInt8> {
        var start = line.startIndex
        while start < line.endIndex, start - line.startIndex < limit, line[start] == 0x20 { start += 1 }
        return line[start...]
    }

    /// "---", "***", "___", "===" (three or more, spaces allowed) and nothing else.
    private static func isRule(_ content: ArraySlice<UInt8>) -> Bool {
        let marks = content.filter { $0 != 0x20 && $0 != 0x09 }
        guard marks.count >= 3, let first = marks.first else { return false }
        return [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "=")].contains(first)
            && marks.allSatisfy { $0 == first }
    }

    private static func isReferenceDefinition(_ content: ArraySlice<UInt8>) -> Bool {
        guard content.first == UInt8(ascii: "["),
            let close = content.firstIndex(of: UInt8(ascii: "]")), close > content.startIndex + 1,
            close + 1 < content.endIndex, content[close + 1] == UInt8(ascii: ":")
        else { return false }
        return true
    }

    /// Heading marks, block quote markers and bullets removed from the start (and "#"s from the end).
    private static func blockMarkersDropped(_ content: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = content
        while line.first == UInt8(ascii: ">") {
            line = line.dropFirst()
            if line.first == 0x20 { line = line.dropFirst() }
        }
        let hashes = line.prefix(while: { $0 == UInt8(ascii: "#") }).count
        if hashes >= 1, hashes <= 6, hashes == line.count || line[line.startIndex + hashes] == 0x20 {
            line = line.dropFirst(hashes)
            line = ByteSearch.trimmed(line)
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == UInt8(ascii: "#") { end -= 1 }
            if end < line.endIndex, end == line.startIndex || line[end - 1] == 0x20 {
                line = ByteSearch.trimmed(line[..<end])
            }
            return line
        }
        if line.count >= 2, let first = line.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"),
            line[line.startIndex + 1] == 0x20
        {
            line = line.dropFirst(2)
        }
        return line
    }

    /// Inline syntax: code spans, links and images, autolinks, emphasis, backslash escapes.
    private static func appendInline(_ line: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var jumps: [Int: Int] = [:]
        var index = line.startIndex
        let end = line.endIndex
        while index < end {
            if let target = jumps[index] {
                index = target
                continue
            }
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < end, isPunctuation(line[index + 1]) {
                    out.append(line[index + 1])
                    index += 2
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "`"):
                let ticks = line[index...].prefix(while: { $0 == UInt8(ascii: "`") }).count
                let codeStart = index + ticks
                if let close = findRun(of: UInt8(ascii: "`"), count: ticks, in: line, from: codeStart) {
                    out.append(contentsOf: line[codeStart..<close])
                    index = close + ticks
                } else {
                    out.append(contentsOf: line[index..<codeStart])
                    index = codeStart
                }
            case UInt8(ascii: "!") where index + 1 < end && line[index + 1] == UInt8(ascii: "["):
                if let (close, after) = linkTarget(line, openBracket: index + 1) {
                    jumps[close] = after
                    index += 2
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "["):
                if let (close, after) = linkTarget(line, openBracket: index) {
                    jumps[close] = after
                } else {
                    out.append(byte)
                }
                index += 1
            case UInt8(ascii: "<"):
                if let close = autolinkEnd(line, from: index) {
                    out.append(contentsOf: line[(index + 1)..<close])
                    index = close + 1
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                let runEnd = line[index...].firstIndex(where: { $0 != byte }) ?? end
                if !isEmphasisDelimiter(line, runStart: index, runEnd: runEnd) {
                    out.append(contentsOf: line[index..<runEnd])
                }
                index = runEnd
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    /// For "[text](url)" or "[text][ref]" opening at `openBracket`: the "]" index and the index after the target.
    private static func linkTarget(_ line: ArraySlice<UInt8>, openBracket: Int) -> (Int, Int)? {
        let limit = min(line.endIndex, openBracket + linkSearchLimit)
        var depth = 0
        var cursor = openBracket
        var close: Int?
        while cursor < limit {
            let byte = line[cursor]
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    close = cursor
                    break
                }
            }
            cursor += 1
        }
        guard let close, close + 1 < line.endIndex else { return nil }
        let opener = line[close + 1]
        let closer: UInt8
        switch opener {
        case UInt8(ascii: "("): closer = UInt8(ascii: ")")
        case UInt8(ascii: "["): closer = UInt8(ascii: "]")
        default: return nil
        }
        var targetDepth = 0
        cursor = close + 1
        while cursor < min(line.endIndex, close + 1 + linkSearchLimit) {
            let byte = line[cursor]
            if byte == opener { targetDepth += 1 }
            if byte == closer {
                targetDepth -= 1
                if targetDepth == 0 { return (close, cursor + 1) }
            }
            cursor += 1
        }
        return nil
    }

    /// "<https://...>" or "<mailto:...>": the index of ">".
    private static func autolinkEnd(_ line: ArraySlice<UInt8>, from open: Int) -> Int? {
        var cursor = open + 1
        while cursor < line.endIndex, ByteClass.isLetter(line[cursor]) { cursor += 1 }
        guard cursor > open + 1, cursor < line.endIndex, line[cursor] == UInt8(ascii: ":") else { return nil }
        while cursor < line.endIndex, line[cursor] != UInt8(ascii: ">") {
            if ByteClass.isWhitespace(line[cursor]) || line[cursor] == UInt8(ascii: "<") { return nil }
            cursor += 1
        }
        return cursor < line.endIndex ? cursor : nil
    }

    private static func findRun(of byte: UInt8, count: Int, in line: ArraySlice<UInt8>, from start: Int)
        -> Int?
    {
        var cursor = start
        while cursor < line.endIndex {
            guard line[cursor] == byte else {
                cursor += 1
                continue
            }
            let runEnd = line[cursor...].firstIndex(where: { $0 != byte }) ?? line.endIndex
            if runEnd - cursor == count { return cursor }
            cursor = runEnd
        }
        return nil
    }

    /// Whether a run of "*", "_" or "~" opens or closes emphasis (rather than being a literal character):
    /// it touches a word on one side and a boundary on the other; "_" inside a word is literal.
    private static func isEmphasisDelimiter(_ line: ArraySlice<UInt8>, runStart: Int, runEnd: Int) -> Bool {
        guard runEnd - runStart <= 3 else { return false }
        let marker = line[runStart]
        if marker == UInt8(ascii: "~"), runEnd - runStart != 2 { return false }
        let before: UInt8? = runStart > line.startIndex ? line[runStart - 1] : nil
        let after: UInt8? = runEnd < line.endIndex ? line[runEnd] : nil
        let boundaryBefore = before.map { ByteClass.isWhitespace($0) || isPunctuation($0) } ?? true
        let boundaryAfter = after.map { ByteClass.isWhitespace($0) || isPunctuation($0) } ?? true
        let spaceBefore = before.map(ByteClass.isWhitespace) ?? true
        let spaceAfter = after.map(ByteClass.isWhitespace) ?? true
        if marker == UInt8(ascii: "_"), !boundaryBefore, !boundaryAfter { return false }
        return (boundaryBefore && !spaceAfter) || (!spaceBefore && boundaryAfter)
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte > 0x20 && !ByteClass.isAlphanumeric(byte)
    }
}
