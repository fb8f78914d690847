extension Extractor {
    /// Actors named in a sentence: "Iraqi troops", "Kataib Hezbollah", "Senior Hungarian and Romanian
    /// officials" (two actors), "the police", and unknown capitalised names.
    func actorMentions(in sentence: Sentence, text: [UInt8], lowercaseText: Bool) -> [ActorMention] {
        let tokens = sentence.tokens
        var found: [ActorMention] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let match = actors.match(tokens, at: index, lowercaseText: lowercaseText) {
                var end = index + match.length
                var entry = match.entry
                var actor = Actor(text: "", name: entry.name, country: entry.country, sector: entry.sector)
                if entry.kind == .country || entry.kind == .demonym || entry.kind == .organization {
                    // "Iraqi troops", "US-led coalition forces", "Iran's army"
                    var next = end
                    if next < tokens.count, tokens[next].key == "'s" { next += 1 }
                    if let sector = actors.match(tokens, at: next, lowercaseText: lowercaseText),
                        sector.entry.kind == .sector
                    {
                        actor.sector = sector.entry.sector
                        end = next + sector.length
                        entry.kind = .organization
                    }
                }
                actor.text = Extractor.text(text, tokens[index].start, tokens[end - 1].end)
                found.append(ActorMention(range: index..<end, actor: actor, isNamed: entry.kind != .sector))
                index = end
                continue
            }
            // "Iranian-backed militia": the demonym before the hyphen names who backs them, not who they are.
            if token.kind == .word, token.isCapitalized || lowercaseText, !commonWords.contains(token),
                isUnknownName(tokens, index, lowercaseText: lowercaseText)
            {
                var end = index + 1
                while end < tokens.count, tokens[end].start - tokens[end - 1].end <= 1 {
                    let next = tokens[end]
                    // "Hamad bin Khalifa", "Ibn al-Khattab": particles inside a name.
                    if Extractor.nameParticles.contains(next), end + 1 < tokens.count,
                        tokens[end + 1].isCapitalized || tokens[end + 1].keyContains("-")
                    {
                        end += 2
                        continue
                    }
                    // A capitalised sector word inside a name is part of it ("Coastal Fishers Guild");
                    // a known name (a country, an organisation) starts another actor.
                    let known = actors.match(tokens, at: end, lowercaseText: lowercaseText)
                    let sectorInName =
                        known?.entry.kind == .sector && end + 1 < tokens.count
                        && tokens[end + 1].isCapitalized && tokens[end + 1].kind == .word
                    guard next.isCapitalized, !commonWords.contains(next),
                        known == nil || sectorInName,
                        DateReader.months[next.key] == nil
                    else { break }
                    end += 1
                }
                var actor = Actor(text: "")
                // "European Community foreign ministers": the name says whose officials they are.
                if let sector = actors.match(tokens, at: end, lowercaseText: lowercaseText),
                    sector.entry.kind == .sector
                {
                    actor.sector = sector.entry.sector
                    end += sector.length
                }
                actor.text = Extractor.text(text, token.start, tokens[end - 1].end)
                found.append(ActorMention(range: index..<end, actor: actor, isNamed: true))
                index = end
                continue
            }
            index += 1
        }
        // "Asia-Pacific Economic Cooperation (APEC)": the bracketed short name is the same actor.
        var merged: [ActorMention] = []
        for mention in found {
            if let previous = merged.last, mention.range.lowerBound == previous.range.upperBound + 1,
                tokens[previous.range.upperBound].key == "(", mention.range.upperBound < tokens.count,
                tokens[mention.range.upperBound].key == ")"
            {
                merged[merged.count - 1].range = previous.range.lowerBound..<(mention.range.upperBound + 1)
                if merged[merged.count - 1].actor.country == nil {
                    merged[merged.count - 1].actor.country = mention.actor.country
                }
                continue
            }
            merged.append(mention)
        }
        return merged
    }

    static let nameParticles: WordSet = [
        "bin", "ibn", "al", "el", "abu", "bint", "van", "von", "de", "da", "del",
    ]

    /// A capitalised word that no lexicon knows, not sentence-initial, not a date word, not a place.
    private func isUnknownName(_ tokens: [Token], _ index: Int, lowercaseText: Bool) -> Bool {
        if lowercaseText { return false }
        let token = tokens[index]
        if index == 0 {
            // A capitalised first word is a name only when a capitalised word no lexicon knows follows.
            guard index + 1 < tokens.count, tokens[index + 1].isCapitalized,
                actors.match(tokens, at: index + 1, lowercaseText: lowercaseText) == nil
            else { return false }
        }
        if token.keyContains("-"), let first = token.key.split(separator: "-").first,
            actors.table.value(forKey: String(first)) != nil
        {
            return false
        }
        // Cheapest first: the gazetteer is large, and asked last.
        if token.key.utf8.count <= 1 { return false }
        if events.triggers.value(for: token) != nil { return false }
        if DateReader.months[token.key] != nil || DateReader.weekdays[token.key] != nil { return false }
        return gazetteer.match(tokens, at: index) == nil
    }

    static func text(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
