/// Splits text into sentences of tokens following the UD English (EWT) conventions: clitics split
/// (`do n't`, `ca n't`, `John 's`), hyphenated compounds split except after a listed prefix
/// (`search - engine`, `e-mail`), abbreviations and URLs kept whole, numbers with commas kept whole.
/// Works on UTF-8 bytes; every loop advances, so time is linear in the input.
public struct Tokenizer: Sendable {
    let abbreviations: Set<[UInt8]>
    let prefixes: Set<[UInt8]>

    public init(abbreviations: Set<String>, prefixes: Set<String>) {
        self.abbreviations = Set(abbreviations.map { Array($0.lowercased().utf8) })
        self.prefixes = Set(prefixes.map { Array($0.lowercased().utf8) })
    }

    /// Reads the `tokenizer.tsv` resource text.
    public init(data: String) throws(LanguageModelError) {
        var abbreviations: Set<String> = []
        var prefixes: Set<String> = []
        for (number, line) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.first == "#" { continue }
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else {
                throw LanguageModelError(.badData, "tokenizer.tsv line \(number + 1): expected kind and word")
            }
            switch fields[0] {
            case "abbreviation": abbreviations.insert(String(fields[1]))
            case "prefix": prefixes.insert(String(fields[1]))
            default:
                throw LanguageModelError(.badData, "tokenizer.tsv line \(number + 1): unknown kind '\(fields[0])'")
            }
        }
        self.init(abbreviations: abbreviations, prefixes: prefixes)
    }

    /// Token boundaries as UTF-8 byte ranges, without sentence splitting.
    public func tokenRanges(_ text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var out: [Range<Int>] = []
        out.reserveCapacity(bytes.count / 4)
        var index = 0
        while index < bytes.count {
            if Self.isSpace(bytes[index]) {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, !Self.isSpace(bytes[end]) { end += 1 }
            chunk(bytes, index, end, &out)
            index = end
        }
        return out
    }

    /// Sentences of tokens with their forms and byte ranges.
    public func sentences(_ text: String) -> [[Token]] {
        let bytes = Array(text.utf8)
        let ranges = tokenRanges(text)
        var sentences: [[Token]] = []
        var current: [Token] = []
        for (position, range) in ranges.enumerated() {
            if !current.isEmpty, let previous = current.last?.range,
                Self.hasBlankLine(bytes, previous.upperBound, range.lowerBound)
            {
                sentences.append(current)
                current = []
            }
            current.append(Token(form: String(decoding: bytes[range], as: UTF8.self), range: range))
            if endsSentence(bytes, ranges, position) {
                sentences.append(current)
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    // MARK: - Sentence ends

    func endsSentence(_ bytes: [UInt8], _ ranges: [Range<Int>], _ position: Int) -> Bool {
        let range = ranges[position]
        let last = bytes[range.upperBound - 1]
        var terminal = last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
        if terminal, range.count > 1, last == UInt8(ascii: ".") {
            // An abbreviation or initial keeps its period and goes on, unless it is a lone "..." run.
            let first = bytes[range.lowerBound]
            terminal = first == UInt8(ascii: ".")
        }
        guard terminal else {
            // A closing quote or bracket right after a terminal ends the sentence too.
            if Self.isCloser(bytes, range), position > 0 {
                let before = ranges[position - 1]
                let b = bytes[before.upperBound - 1]
                if before.upperBound == range.lowerBound,
                    b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                {
                    return nextStartsSentence(bytes, ranges, position)
                }
            }
            return false
        }
        if position + 1 < ranges.count, Self.isCloser(bytes, ranges[position + 1]),
            ranges[position + 1].lowerBound == range.upperBound
        {
            return false
        }
        return nextStartsSentence(bytes, ranges, position)
    }

    func nextStartsSentence(_ bytes: [UInt8], _ ranges: [Range<Int>], _ position: Int) -> Bool {
        guard position + 1 < ranges.count else { return true }
        let next = bytes[ranges[position + 1].lowerBound]
        return !(next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) && next != UInt8(ascii: ",")
    }

    static func isCloser(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = bytes[range].first else { return false }
        if range.count == 1 { return first == 0x22 || first == 0x27 || first == 0x29 || first == 0x5D }
        return range.count == 3 && first == 0xE2 && bytes[range.lowerBound + 1] == 0x80
            && (bytes[range.lowerBound + 2] == 0x9D || bytes[range.lowerBound + 2] == 0x99)
    }

    static func hasBlankLine(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        var newlines = 0
        var index = from
        while index < to {
            if bytes[index] == 10 { newlines += 1 }
            index += 1
        }
        return newlines >= 2
    }

    // MARK: - Chunks

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

    /// Length of an opening quote or bracket at `i`, 0 if none.
    static func openerLength(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
        let b = bytes[i]
        if b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B || b == 0x7B || b == 0x60 || b == 0x3C || b == 0x2A {
            return 1
        }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98 { return 3 }
        return 0
    }

    /// Length of a closing punctuation mark ending at `end`, 0 if none.
    static func closerLength(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        let b = bytes[end - 1]
        switch b {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x22, 0x5D, 0x7D, 0x27, 0x3E, 0x2A: return 1
        default: break
        }
        if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
            bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99 || bytes[end - 1] == 0xA6
        {
            return 3
        }
        return 0
    }

    func isURL(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        let slice = bytes[start..<end]
        if slice.starts(with: Array("http://".utf8)) || slice.starts(with: Array("https://".utf8))
            || slice.starts(with: Array("www.".utf8))
        {
            return true
        }
        if let at = slice.firstIndex(of: 0x40), at > start, slice[at...].contains(0x2E), Self.isAlnum(bytes[at - 1]) {
            return true
        }
        return false
    }

    func chunk(_ bytes: [UInt8], _ start: Int, _ end: Int, _ out: inout [Range<Int>]) {
        var start = start
        var end = end
        // Leading quotes and brackets.
        while start < end {
            let length = Self.openerLength(bytes, start, end)
            guard length > 0, start + length < end || length == end - start else { break }
            if length == end - start { break }
            out.append(start..<(start + length))
            start += length
        }
        // Trailing punctuation, kept on a stack, runs of one mark as one token ("...", "!!!").
        var trailing: [Range<Int>] = []
        let url = isURL(bytes, start, end)
        while end > start {
            let length = Self.closerLength(bytes, start, end)
            guard length > 0, end - length > start else { break }
            let mark = bytes[end - 1]
            if url, mark != 0x2E, mark != 0x2C, mark != 0x29, mark != 0x22, mark != 0x21 { break }
            if length == 1, mark == 0x2E, keepsPeriod(bytes, start, end - 1) { break }
            var runStart = end - length
            if length == 1 {
                while runStart > start + 1, bytes[runStart - 1] == mark, mark == 0x2E || mark == 0x21 || mark == 0x3F {
                    runStart -= 1
                }
                if runStart == start { runStart += 1 }
            }
            trailing.append(runStart..<end)
            end = runStart
        }
        if url {
            out.append(start..<end)
        } else {
            core(bytes, start, end, &out)
        }
        out.append(contentsOf: trailing.reversed())
    }

    /// Whether the word before a final period keeps it: a listed abbreviation, a single letter, or
    /// letters with inner periods (`U.S`, `a.m`).
    func keepsPeriod(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        if end - start == 1 { return Self.isLetter(bytes[start]) }
        var hasInnerPeriod = false
        var allLettersAndPeriods = true
        var lower: [UInt8] = []
        lower.reserveCapacity(end - start)
        for b in bytes[start..<end] {
            if b == 0x2E { hasInnerPeriod = true } else if !Self.isLetter(b) { allLettersAndPeriods = false }
            lower.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        if hasInnerPeriod, allLettersAndPeriods, bytes[end - 1] != 0x2E { return true }
        return abbreviations.contains(lower)
    }

    /// Splits a chunk without its outer punctuation at inner punctuation, hyphens and clitics.
    func core(_ bytes: [UInt8], _ start: Int, _ end: Int, _ out: inout [Range<Int>]) {
        guard start < end else { return }
        var pieceStart = start
        var i = start
        while i < end {
            let b = bytes[i]
            var split = 0  // length of a separator token at i
            switch b {
            case 0x2C:  // comma, kept between digits
                if !(i > start && i + 1 < end && Self.isDigit(bytes[i - 1]) && Self.isDigit(bytes[i + 1])) { split = 1 }
            case 0x3B, 0x28, 0x29, 0x22, 0x21, 0x3F, 0x5B, 0x5D:
                split = 1
            case 0x2E:  // runs of two or more periods
                var j = i
                while j < end, bytes[j] == 0x2E { j += 1 }
                if j - i >= 2 { split = j - i } else { i += 1; continue }
            case 0x2D:  // hyphen
                var j = i
                while j < end, bytes[j] == 0x2D { j += 1 }
                if j - i >= 2 {
                    split = j - i
                } else if i > pieceStart, i + 1 < end, Self.isLetter(bytes[i - 1]), Self.isLetter(bytes[i + 1]) {
                    var lower: [UInt8] = []
                    for c in bytes[pieceStart..<i] { lower.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
                    if !prefixes.contains(lower), !lower.contains(0x2D) { split = 1 }
                }
            default: break
            }
            if split > 0 {
                if i > pieceStart { clitics(bytes, pieceStart, i, &out) }
                out.append(i..<(i + split))
                i += split
                pieceStart = i
            } else {
                i += 1
            }
        }
        if end > pieceStart { clitics(bytes, pieceStart, end, &out) }
    }

    /// Splits `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m` (with ' or ’) and `cannot`, `gonna`,
    /// `wanna`, `gotta` as EWT does.
    func clitics(_ bytes: [UInt8], _ start: Int, _ end: Int, _ out: inout [Range<Int>]) {
        let n = end - start
        func lower(_ i: Int) -> UInt8 { let b = bytes[i]; return b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func isApostrophe(_ i: Int) -> Int {  // length of an apostrophe ending just before byte i
            if i - 1 >= start, bytes[i - 1] == 0x27 { return 1 }
            if i - 3 >= start, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x80, bytes[i - 1] == 0x99 { return 3 }
            return 0
        }
        // n't
        if n >= 4, lower(end - 1) == 0x74 {
            let apostrophe = isApostrophe(end - 1)
            if apostrophe > 0, end - 1 - apostrophe - 1 > start, lower(end - 1 - apostrophe - 1) == 0x6E {
                let cut = end - 1 - apostrophe - 1
                out.append(start..<cut)
                out.append(cut..<end)
                return
            }
        }
        // 's 'd 'm, 're 've 'll
        for suffixLength in [1, 2] where n > suffixLength + 1 {
            let suffixStart = end - suffixLength
            let apostrophe = isApostrophe(suffixStart)
            guard apostrophe > 0, suffixStart - apostrophe > start else { continue }
            let a = lower(suffixStart)
            let ok: Bool
            if suffixLength == 1 {
                ok = a == 0x73 || a == 0x64 || a == 0x6D
            } else {
                let c = lower(suffixStart + 1)
                ok = (a == 0x72 && c == 0x65) || (a == 0x76 && c == 0x65) || (a == 0x6C && c == 0x6C)
            }
            if ok {
                out.append(start..<(suffixStart - apostrophe))
                out.append((suffixStart - apostrophe)..<end)
                return
            }
        }
        // cannot → can not; gonna/wanna/gotta → gon na / wan na / got ta.
        if n == 6 {
            let word = (start..<end).map(lower)
            if word == Array("cannot".utf8) {
                out.append(start..<(start + 3))
                out.append((start + 3)..<end)
                return
            }
        }
        if n == 5 {
            let word = (start..<end).map(lower)
            if word == Array("gonna".utf8) || word == Array("wanna".utf8) || word == Array("gotta".utf8) {
                out.append(start..<(start + 3))
                out.append((start + 3)..<end)
                return
            }
        }
        out.append(start..<end)
    }
}
