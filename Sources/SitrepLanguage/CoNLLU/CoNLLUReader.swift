/// Reads CoNLL-U text into sentences. Word lines become ``Token``s; multi-word token ranges and empty
/// nodes are kept verbatim; the entity tag is taken out of MISC (`NER=B-PER`). Linear in the input;
/// malformed input throws a ``CoNLLUError`` naming the line.
public struct CoNLLUReader: Sendable {
    public init() {}

    public func read(_ text: String) throws(CoNLLUError) -> [Sentence] {
        var sentences: [Sentence] = []
        var current = Sentence()
        var started = false
        // The sentence's first line, for errors found only at its end (heads out of range).
        var headLines: [Int] = []
        var lineNumber = 0

        func finish() throws(CoNLLUError) {
            if started {
                let count = current.tokens.count
                for (index, token) in current.tokens.enumerated() {
                    if let head = token.head, head > count {
                        throw CoNLLUError(
                            .badHead, line: headLines[index],
                            "head \(head) is beyond the sentence's \(count) words")
                    }
                }
                sentences.append(current)
            }
            current = Sentence()
            started = false
            headLines.removeAll(keepingCapacity: true)
        }

        // Split on the byte: "\r\n" is one Character, so a Character split would miss it.
        for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = rawLine
            if bytes.last == 13 { bytes = bytes.dropLast() }
            let line = Substring(bytes)
            if line.isEmpty || line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                try finish()
                continue
            }
            if line.first == "#" {
                if !current.tokens.isEmpty || !current.verbatimLines.isEmpty {
                    throw CoNLLUError(.misplacedComment, line: lineNumber, "a comment line after the sentence's words")
                }
                current.comments.append(String(line))
                started = true
                continue
            }
            started = true
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw CoNLLUError(
                    .wrongColumnCount, line: lineNumber, "expected 10 tab-separated columns, found \(columns.count)")
            }
            let id = columns[0]
            let next = current.tokens.count + 1
            if let dash = id.firstIndex(of: "-") {
                guard let first = Int(id[..<dash]), let last = Int(id[id.index(after: dash)...]),
                    first == next, last >= first
                else {
                    throw CoNLLUError(.badID, line: lineNumber, "multi-word token range '\(id)' does not start at word \(next)")
                }
                current.verbatimLines.append(.init(position: current.tokens.count, line: String(line)))
                continue
            }
            if let dot = id.firstIndex(of: ".") {
                guard let major = Int(id[..<dot]), Int(id[id.index(after: dot)...]) != nil, major == next - 1 else {
                    throw CoNLLUError(.badID, line: lineNumber, "empty node '\(id)' does not follow word \(next - 1)")
                }
                current.verbatimLines.append(.init(position: current.tokens.count, line: String(line)))
                continue
            }
            guard let number = Int(id), number == next else {
                throw CoNLLUError(.badID, line: lineNumber, "word ID '\(id)' where \(next) was expected")
            }
            guard !columns[1].isEmpty else {
                throw CoNLLUError(.emptyForm, line: lineNumber, "word \(next) has an empty FORM")
            }
            var head: Int?
            if columns[6] != "_" {
                guard let value = Int(columns[6]), value >= 0 else {
                    throw CoNLLUError(.badHead, line: lineNumber, "HEAD '\(columns[6])' is not a word number")
                }
                head = value
            }
            let (misc, entity) = try Self.splitEntity(columns[9], line: lineNumber)
            current.tokens.append(
                Token(
                    form: String(columns[1]), lemma: String(columns[2]), upos: String(columns[3]),
                    xpos: String(columns[4]), feats: String(columns[5]), head: head, deprel: String(columns[7]),
                    deps: String(columns[8]), misc: misc, entity: entity))
            headLines.append(lineNumber)
        }
        try finish()
        return sentences
    }

    /// Reads bytes that must be UTF-8.
    public func read(bytes: some Collection<UInt8>) throws(CoNLLUError) -> [Sentence] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CoNLLUError(.notUTF8, line: 0, "the input is not UTF-8")
        }
        return try read(text)
    }

    /// Takes a `NER=` entry out of MISC; returns the rest (or `_`) and the tag.
    static func splitEntity(_ misc: Substring, line: Int) throws(CoNLLUError) -> (String, EntityTag?) {
        guard misc.contains("NER=") else { return (String(misc), nil) }
        var rest: [Substring] = []
        var entity: EntityTag?
        for item in misc.split(separator: "|") {
            if item.hasPrefix("NER=") {
                guard let tag = EntityTag(item.dropFirst(4)) else {
                    throw CoNLLUError(.badEntity, line: line, "'\(item)' is not an IOB2 tag of PER, LOC, ORG or OTH")
                }
                entity = tag
            } else {
                rest.append(item)
            }
        }
        return (rest.isEmpty ? "_" : rest.joined(separator: "|"), entity)
    }
}
