/// Reads counts written in digits or words: "26", "1,200", "twenty-six", "a dozen", "two hundred",
/// "hundreds", with an optional modifier before them ("at least", "more than", "nearly").
struct NumberReader: Sendable {
    enum WordKind: String, Sendable {
        case unit, scale, vague, article
    }

    struct Reading: Sendable, Equatable {
        var value: Int
        /// Tokens used, modifier included.
        var length: Int
        /// The text gives a lower bound ("at least", "more than", "hundreds").
        var isMinimum: Bool
    }

    var words: [String: (value: Int, kind: WordKind)]
    var modifiers: PhraseTable<Bool>

    /// The number starting at `index`, if any.
    func read(_ tokens: [Token], at index: Int) -> Reading? {
        var position = index
        var isMinimum = false
        if let modifier = modifiers.match(tokens, at: position) {
            isMinimum = modifier.value
            position += modifier.length
        }
        guard let (value, length, vague) = readBare(tokens, at: position) else { return nil }
        return Reading(value: value, length: position - index + length, isMinimum: isMinimum || vague)
    }

    /// A number without modifier: (value, tokens used, vague).
    func readBare(_ tokens: [Token], at index: Int) -> (Int, Int, Bool)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .number {
            guard let value = NumberReader.digits(token.key) else { return nil }
            var total = value
            var length = 1
            if index + 1 < tokens.count, let scale = words[tokens[index + 1].key], scale.kind == .scale,
                scale.value >= 100
            {
                total = value * scale.value
                length = 2
            }
            return (total, length, false)
        }
        guard token.kind == .word else { return nil }
        var total = 0
        var current = 0
        var length = 0
        var sawNumber = false
        var position = index
        while position < tokens.count {
            let parts = tokens[position].key.split(separator: "-")
            var consumed = true
            var partValues: [(Int, WordKind)] = []
            for part in parts {
                guard let word = words[String(part)] else {
                    consumed = false
                    break
                }
                partValues.append(word)
            }
            guard consumed, !partValues.isEmpty else { break }
            for (value, kind) in partValues {
                switch kind {
                case .article:
                    // "a" counts only before a scale word: "a dozen", "a hundred".
                    guard position + 1 < tokens.count, let next = words[tokens[position + 1].key],
                        next.kind == .scale
                    else {
                        return sawNumber ? (total + current, length, false) : nil
                    }
                    current = value
                case .unit:
                    current += value
                case .scale:
                    current = max(current, 1) * value
                    if value >= 1000 {
                        total += current
                        current = 0
                    }
                case .vague:
                    if sawNumber { return (total + current, length, false) }
                    return (value, 1, true)
                }
            }
            sawNumber = true
            length += 1
            position += 1
            if position < tokens.count, tokens[position].key == "and", position + 1 < tokens.count,
                let next = words[tokens[position + 1].key], next.kind == .unit, current >= 100
            {
                position += 1
                length += 1
            }
        }
        guard sawNumber, length > 0 else { return nil }
        return (total + current, length, false)
    }

    /// "1,200" -> 1200; "3.5" -> 3; dates and times are not counts.
    static func digits(_ key: String) -> Int? {
        var value = 0
        var digitCount = 0
        for byte in key.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                value = value &* 10 &+ Int(byte - 0x30)
                digitCount += 1
                if digitCount > 9 { return nil }
            } else if byte == 0x2C {
                continue
            } else if byte == 0x2E {
                break
            } else {
                return nil
            }
        }
        return digitCount > 0 ? value : nil
    }
}
