/// Splits a token stream into sentences, with abbreviations, initials and initialisms in mind.
struct SentenceSplitter: Sendable {
    var abbreviations: WordSet
    /// The most tokens one sentence may have. The per-sentence stages compare words of a sentence
    /// with each other, so an unbounded sentence (a run of abbreviations and no full stop, megabytes
    /// long) would cost time quadratic in the document; news sentences rarely pass a hundred tokens.
    static let maximumTokens = 240
    /// An overlong sentence is cut after the last comma, semicolon or colon among its final tokens
    /// (at the limit when there is none), so a cut seldom falls inside a phrase.
    static let cutWindow = 60
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
        var paragraph = 0
        // The sentence in hand is tokens[currentStart..<index], copied out once it ends.
        var currentStart = 0
        var index = 0
        func flush() {
            guard currentStart < index else { return }
            sentences.append(
                Sentence(
                    start: tokens[currentStart].start, end: tokens[index - 1].end, paragraph: paragraph,
                    tokens: Array(tokens[currentStart..<index])))
            currentStart = index
        }
        while index < tokens.count {
            if currentStart < index {
                let previous = tokens[index - 1]
                let newlines = newlineCount(bytes, previous.end, tokens[index].start)
                if newlines >= 2 {
                    flush()
                    paragraph += 1
                } else if newlines == 1
                    && lineBreakEndsSentence(bytes, firstStart: tokens[currentStart].start, previous)
                {
                    flush()
                }
            }
            if index - currentStart >= SentenceSplitter.maximumTokens {
                let cut = cutPoint(tokens, from: currentStart, to: index)
                let rest = index
                index = cut
                flush()
                index = rest
            }
            let token = tokens[index]
            index += 1
            if isTerminal(token)
                || (token.kind == .word && token.keyEndsWithPeriod && token.key.utf8.count > 2)
            {
                // Closing quotes and brackets belong to the sentence they close.
                while index < tokens.count, tokens[index].kind == .punctuation,
                    tokens[index].start == tokens[index - 1].end,
                    isCloser(tokens[index].key)
                {
                    index += 1
                }
                if index >= tokens.count { break }
                if endsSentence(
                    bytes, tokens, terminalAt: index - 1, in: tokens[currentStart..<index], next: index,
                    lowercaseText)
                {
                    flush()
                }
            }
        }
        index = tokens.count
        flush()
        return sentences
    }

    /// Where to end an overlong sentence tokens[start..<end]: after its last clause punctuation within
    /// `cutWindow` tokens of the end, else at `end`.
    private func cutPoint(_ tokens: [Token], from start: Int, to end: Int) -> Int {
        var k = end - 1
        while k > start, end - k <= SentenceSplitter.cutWindow {
            let key = tokens[k].key
            if tokens[k].kind == .punctuation && (key == "," || key == ";" || key == ":") { return k + 1 }
            k -= 1
        }
        return end
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
    private func lineBreakEndsSentence(_ bytes: [UInt8], firstStart: Int, _ previous: Token) -> Bool {
        if previous.kind == .punctuation && [".", "!", "?", ":", "\"", "\u{201D}"].contains(previous.key) {
            return true
        }
        var lineStart = previous.end
        // (Looking back no further than the 60 bytes that decide it keeps this linear in the line.)
        while lineStart > firstStart && previous.end - lineStart < 60 && bytes[lineStart - 1] != 0x0A {
            lineStart -= 1
        }
        return previous.end - lineStart < 60
    }

    private func endsSentence(
        _ bytes: [UInt8], _ tokens: [Token], terminalAt position: Int, in current: ArraySlice<Token>,
        next: Int,
        _ lowercaseText: Bool
    ) -> Bool {
        let nextToken = tokens[next]
        guard let last = current.last, nextToken.start > last.end else { return false }  // "3.5", "a.m."
        var terminal = position
        while terminal > current.startIndex && !isTerminal(current[terminal])
            && current[terminal].kind == .punctuation
        {
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
        guard mark.key == ".", terminal > current.startIndex else { return true }
        let before = current[terminal - 1]
        guard before.end == mark.start, before.kind == .word else { return true }
        if before.key == "no" || before.key == "nos" { return nextToken.kind != .number }
        if abbreviations.contains(before) { return false }
        // Single-letter initials ("John F. Kennedy"), but not the pronoun "I".
        if before.key.utf8.count == 1 && before.isCapitalized && before.key != "i" { return false }
        return true
    }
}
