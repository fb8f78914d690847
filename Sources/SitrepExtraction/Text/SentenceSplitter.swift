/// Splits a token stream into sentences, with abbreviations, initials and initialisms in mind.
struct SentenceSplitter: Sendable {
    var abbreviations: WordSet
    /// Words that start a sentence after an initialism ("... in the U.S. The next day ...").
    static let sentenceStarters: WordSet = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and", "this",
        "that",
        "these", "those", "there", "his", "her", "their", "its", "after", "while", "meanwhile", "however",
        "if",
        "when", "according", "earlier", "later", "last", "since", "some", "many", "officials", "police",
    ]

    func split(_ bytes: [UInt8], tokens: [Token], lowercaseText: Bool) -> [Sentence] {
        var sentences: [Sentence] = []
        var current: [Token] = []
        var paragraph = 0
        var index = 0
        func flush() {
            guard let first = current.first, let last = current.last else { return }
            sentences.append(
                Sentence(start: first.start, end: last.end, paragraph: paragraph, tokens: current))
            current.removeAll(keepingCapacity: true)
        }
        while index < tokens.count {
            let token = tokens[index]
            if let previous = current.last {
                let newlines = newlineCount(bytes, previous.end, token.start)
                if newlines >= 2 {
                    flush()
                    paragraph += 1
                } else if newlines == 1 && lineBreakEndsSentence(bytes, current, previous) {
                    flush()
                }
            }
            current.append(token)
            index += 1
            if isTerminal(token)
                || (token.kind == .word && token.keyEndsWithPeriod && token.key.utf8.count > 2)
            {
                // Closing quotes and brackets belong to the sentence they close.
                while index < tokens.count, tokens[index].kind == .punctuation,
                    tokens[index].start == current.last?.end,
                    isCloser(tokens[index].key)
                {
                    current.append(tokens[index])
                    index += 1
                }
                if index >= tokens.count { break }
                if endsSentence(
                    bytes, tokens, terminalAt: current.count - 1, in: current, next: index, lowercaseText)
                {
                    flush()
                }
            }
        }
        flush()
        return sentences
    }

    private func isTerminal(_ token: Token) -> Bool {
        token.kind == .punctuation && (token.key == "." || token.key == "!" || token.key == "?")
    }

    private func isCloser(_ key: String) -> Bool {
        key == "\"" || key == "'" || key == ")" || key == "]" || key == "\u{201D}" || key == "'"
            || key == "\u{2019}" || key == "\u{00BB}"
    }

    private func newlineCount(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        var count = 0
        var k = from
        while k < to {
            if bytes[k] == 0x0A { count += 1 }
            k += 1
        }
        return count
    }

    /// A single line break ends a sentence after end punctuation or a short line (a headline, a list item).
    private func lineBreakEndsSentence(_ bytes: [UInt8], _ current: [Token], _ previous: Token) -> Bool {
        if previous.kind == .punctuation && [".", "!", "?", ":", "\"", "\u{201D}"].contains(previous.key) {
            return true
        }
        guard let first = current.first else { return false }
        var lineStart = previous.end
        while lineStart > first.start && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        return previous.end - lineStart < 60
    }

    private func endsSentence(
        _ bytes: [UInt8], _ tokens: [Token], terminalAt position: Int, in current: [Token], next: Int,
        _ lowercaseText: Bool
    ) -> Bool {
        let nextToken = tokens[next]
        guard let last = current.last, nextToken.start > last.end else { return false }  // "3.5", "a.m."
        var terminal = position
        while terminal > 0 && !isTerminal(current[terminal]) && current[terminal].kind == .punctuation {
            terminal -= 1
        }
        let startsLikeSentence =
            nextToken.isCapitalized || nextToken.kind == .number || nextToken.kind == .punctuation
            || lowercaseText
        guard startsLikeSentence else { return false }
        let mark = current[terminal]
        if mark.kind == .word {
            // An initialism ending in its own period: ends a sentence only before a typical sentence opener.
            return SentenceSplitter.sentenceStarters.contains(nextToken)
        }
        guard mark.key == ".", terminal > 0 else { return true }
        let before = current[terminal - 1]
        guard before.end == mark.start, before.kind == .word else { return true }
        if before.key == "no" || before.key == "nos" { return nextToken.kind != .number }
        if abbreviations.contains(before) { return false }
        // Single-letter initials ("John F. Kennedy"), but not the pronoun "I".
        if before.key.utf8.count == 1 && before.isCapitalized && before.key != "i" { return false }
        return true
    }
}
