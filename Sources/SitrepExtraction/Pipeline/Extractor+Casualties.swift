extension Extractor {
    /// Words allowed between a count and the casualty word after it: "3 people were reportedly killed".
    static let countFillers: WordSet = [
        "were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "reportedly", "allegedly",
        "also",
        "all", "people", "persons", "of", "them", "others", "other", "more", "civilians", "soldiers", "were",
        "later",
        "and", "were", "left", "militants", "police", "officers", "policemen", "personnel", "troops",
        "fighters",
        "children", "women", "men", "members", "militia", "security", "forces", "civilian", "army", "rebels",
        "protesters", "demonstrators", "students", "villagers", "workers", "family", "including", "seriously",
        "critically", "severely", "badly", "slightly", "mildly", "gravely", "fatally", "suspected", "alleged",
        "insurgents", "terrorists", "jihadists", "gunmen", "attackers", "assailants", "americans", "american",
        "iraqi", "afghan", "syrian", "soldier", "person", "man", "woman", "child", "guards", "officials",
        "pilgrims",
        "passengers", "residents", "worshippers", "journalists", "militiamen", "personnel", "jawans",
        "'s", "others", "dozens", "instantly", "immediately", "on", "the", "spot",
    ]

    /// Killed and injured counts of one sentence: "killing 3 and wounding 12", "3 people were killed",
    /// "caused twelve injuries", "the death toll rose to 9", "no casualties".
    func casualties(in tokens: [Token]) -> Casualties {
        var result = Casualties()
        var index = 0
        while index < tokens.count {
            guard let match = casualties.match(tokens, at: index) else {
                index += 1
                continue
            }
            let word = match.value
            var found: NumberReader.Reading?
            switch word.form {
            case .verb:
                // "killing 3 and wounding several": an -ing form takes its count after it; the count
                // before it is the previous verb's.
                let takesCountBefore = !tokens[index + match.length - 1].key.hasSuffix("ing")
                found =
                    victimList(after: tokens, index + match.length)
                    ?? countAfter(tokens, index + match.length)
                    ?? (takesCountBefore ? countBefore(tokens, index) : nil)
                    ?? singleVictim(after: tokens, index + match.length)
                    ?? (takesCountBefore ? singleVictim(before: tokens, index) : nil)
            case .state:
                // "3 were shot dead", and said actively: "gunmen shot dead a teacher".
                found =
                    countBefore(tokens, index) ?? singleVictim(before: tokens, index)
                    ?? victimList(after: tokens, index + match.length)
                    ?? countAfter(tokens, index + match.length)
                    ?? singleVictim(after: tokens, index + match.length)
            case .noun:
                found = countBefore(tokens, index)
            case .toll:
                var j = index + match.length
                let limit = min(tokens.count, j + 5)
                while j < limit, found == nil {
                    if let reading = numbers.read(tokens, at: j),
                        tokens[j].kind == .number || reading.length > 0,
                        isCount(tokens, j, reading)
                    {
                        found = reading
                    }
                    j += 1
                }
            }
            // "Jauregui was shot and killed", "he died later": a singular subject is one victim.
            if found == nil, word.form != .noun, word.form != .toll, !isNegated(tokens, index),
                isSingularSubject(tokens, before: index)
            {
                found = NumberReader.Reading(value: 1, length: 1, isMinimum: false)
            }
            // "No one was killed": a count of one under a negation is none.
            if let one = found, one.value == 1, (max(0, index - 4)..<index).contains(where: { k in
                ClosedClass.nobody.contains(tokens[k])
                    || tokens[k].key == "no" && k + 1 < index && tokens[k + 1].key == "one"
            }) {
                found = NumberReader.Reading(value: 0, length: one.length, isMinimum: false)
            }
            if let found {
                switch word.what {
                case .killed:
                    if found.value > (result.killed ?? -1) {
                        result.killed = found.value
                        result.killedMin = found.isMinimum
                    }
                case .injured:
                    if found.value > (result.injured ?? -1) {
                        result.injured = found.value
                        result.injuredMin = found.isMinimum
                    }
                }
            } else if isNegated(tokens, index) {
                if word.what == .killed && result.killed == nil { result.killed = 0 }
                if word.what == .injured && result.injured == nil { result.injured = 0 }
            }
            index += match.length
        }
        return result
    }

    /// "killing 3", "killed at least 26 people", "wounding twelve others".
    private func countAfter(_ tokens: [Token], _ start: Int) -> NumberReader.Reading? {
        guard start < tokens.count, let reading = numbers.read(tokens, at: start),
            isCount(tokens, start, reading)
        else {
            return nil
        }
        // "killed 3 years ago", "killed in 2019": not a count of people.
        let after = start + reading.length
        if after < tokens.count, Extractor.notPeople.contains(tokens[after]) { return nil }
        return reading
    }

    /// "3 people were killed", "twenty-six militia officers were reportedly killed", "12 injured".
    /// The comma that opens ", including …," ending with the comma at `close`.
    private func asideStart(_ tokens: [Token], before close: Int) -> Int? {
        var k = close - 1
        while k > 0 && close - k <= 8 {
            if tokens[k].key == "," { return nil }
            if tokens[k].key == "including" || tokens[k].key == "among" {
                return tokens[k - 1].key == "," ? k - 1 : nil
            }
            k -= 1
        }
        return nil
    }

    private func countBefore(_ tokens: [Token], _ index: Int, conjunct: Bool = false) -> NumberReader.Reading? {
        var j = index - 1
        var skipped = 0
        while j >= 0 && skipped <= 6 {
            let token = tokens[j]
            // The first of two joined counts ends at its noun: "and" or a verb before it ends the search.
            if conjunct, token.key == "and" || token.key == "," { return nil }
            // "10 people, including the bomber, were killed": the aside between commas is skipped.
            if token.key == ",", let opening = asideStart(tokens, before: j) {
                j = opening - 1
                continue
            }
            if token.kind == .number
                || numbers.words[token.key.split(separator: "-").first.map(String.init) ?? ""] != nil
            {
                for start in stride(from: max(0, j - 3), through: j, by: 1) {
                    if var reading = numbers.read(tokens, at: start), start + reading.length > j,
                        isCount(tokens, start, reading)
                    {
                        // "Two policemen and two civilians were killed": the counts joined by "and" add up.
                        if start > 1, tokens[start - 1].key == "and",
                            let other = countBefore(tokens, start - 1, conjunct: true)
                        {
                            reading.value += other.value
                            reading.isMinimum = reading.isMinimum || other.isMinimum
                        }
                        return reading
                    }
                }
                return nil
            }
            guard token.kind == .word,
                Extractor.countFillers.contains(token) || isAdjectiveLike(token) || token.isUpperCase
                    || Extractor.pluralPeople.contains(where: { token.key.hasSuffix($0) })
            else {
                return nil
            }
            j -= 1
            skipped += 1
        }
        return nil
    }

    /// Victims joined by "and" after a casualty verb, each counted: "killing herself and six security
    /// personnel" is 7, "killing Kahane and his wife" 2, "killing the bomber and a girl" 2. Only a list
    /// of two or more; a single victim is read by the rules for one count.
    func victimList(after tokens: [Token], _ start: Int) -> NumberReader.Reading? {
        var total = 0
        var parts = 0
        var isMinimum = false
        var k = start
        while k < tokens.count, parts < 8 {
            guard let (value, end, minimum) = victim(tokens, at: k) else { break }
            total += value
            parts += 1
            isMinimum = isMinimum || minimum
            k = end
            // ", the bomber and a girl": commas join a list that ends with "and".
            guard k + 1 < tokens.count, tokens[k].key == "and" || tokens[k].key == "," else { break }
            k += 1
        }
        guard parts >= 2, tokens[k - 1].key != "," else { return nil }
        return NumberReader.Reading(value: total, length: k - start, isMinimum: isMinimum)
    }

    /// One conjunct of a victim list: a count and its noun, a reflexive, a determiner and a noun for one
    /// person, or a capitalised name. Returns its count and where it ends.
    private func victim(_ tokens: [Token], at start: Int) -> (Int, Int, Bool)? {
        guard start < tokens.count else { return nil }
        let first = tokens[start]
        if ClosedClass.singularReflexives.contains(first) { return (1, start + 1, false) }
        if let reading = numbers.read(tokens, at: start), isCount(tokens, start, reading),
            first.kind == .number || numbers.words[first.key] != nil || reading.length > 1
        {
            let end = nounEnd(tokens, from: start + reading.length)
            return end > start + reading.length || reading.length > 0 ? (reading.value, end, reading.isMinimum) : nil
        }
        if ClosedClass.singularDeterminers.contains(first) {
            let end = nounEnd(tokens, from: start + 1)
            guard end > start + 1, end - 1 < tokens.count, isPersonNoun(tokens[end - 1]),
                !tokens[end - 1].key.hasSuffix("s") || tokens[end - 1].key.hasSuffix("ss")
            else { return nil }
            return (1, end, false)
        }
        if first.kind == .word, first.isCapitalized, actors.table.value(for: first)?.kind != .sector {
            var end = start + 1
            while end < tokens.count, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
            return (1, end, false)
        }
        return nil
    }

    /// The end of the words of a noun phrase: up to four words, none of them "and" or a preposition.
    private func nounEnd(_ tokens: [Token], from start: Int) -> Int {
        var end = start
        while end < tokens.count, end - start < 4, tokens[end].kind == .word || tokens[end].key == "-",
            !ClosedClass.phraseEnds.contains(tokens[end])
        {
            end += 1
        }
        return end
    }

    /// "was killed", "was shot and killed", "he died": a singular subject right before the casualty
    /// word (past a singular auxiliary, adverbs and a verb joined by "and").
    private func isSingularSubject(_ tokens: [Token], before index: Int) -> Bool {
        var k = index - 1
        var steps = 0
        while k >= 0, steps < 5 {
            let token = tokens[k]
            if ClosedClass.singularAuxiliaries.contains(token) || ClosedClass.singularPronouns.contains(token) {
                // "no one was killed" is counted as none elsewhere; "one of them was" is one too.
                return true
            }
            guard token.kind == .word, !ClosedClass.pluralAuxiliaries.contains(token),
                !ClosedClass.clauseStarts.contains(token)
            else { return false }
            k -= 1
            steps += 1
        }
        return false
    }

    /// A word for one person: "journalist", "prisoner", "policeman", "deputy chief".
    func isPersonNoun(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        if let entry = actors.table.value(for: token), entry.kind == .sector, !token.key.hasSuffix("s") {
            return true
        }
        let key = token.key
        if key.hasSuffix("ss") { return false }
        return Extractor.personSuffixes.contains { key.hasSuffix($0) } && key.utf8.count > 4
    }

    static let personSuffixes = [
        "man", "woman", "er", "ist", "ian", "or", "ee", "ier", "ant", "ent", "chief", "boy", "girl", "child",
        "guard", "officer", "leader", "cleric", "priest", "judge", "doctor", "nurse",
    ]

    /// "A journalist was killed", "a prisoner died": one victim named with an article.
    private func singleVictim(before tokens: [Token], _ index: Int) -> NumberReader.Reading? {
        var j = index - 1
        var sawPerson = false
        var steps = 0
        while j >= 0, steps < 7 {
            let token = tokens[j]
            if token.key == "a" || token.key == "an" || token.key == "one" {
                return sawPerson ? NumberReader.Reading(value: 1, length: 1, isMinimum: false) : nil
            }
            if isPersonNoun(token) { sawPerson = true }
            guard token.kind == .word || token.key == "-" else { return nil }
            if ["and", "or", "by", "in", "at", "on", "after", "when"].contains(token.key) { return nil }
            j -= 1
            steps += 1
        }
        return nil
    }

    /// "killed the deputy chief", "killing a policeman": one victim as the object.
    private func singleVictim(after tokens: [Token], _ start: Int) -> NumberReader.Reading? {
        guard start < tokens.count, ["a", "an", "the", "one"].contains(tokens[start].key) else { return nil }
        var j = start + 1
        while j < tokens.count, j - start <= 4 {
            let token = tokens[j]
            guard token.kind == .word else { return nil }
            if isPersonNoun(token) {
                // "the deputy chief of police", but not "the soldiers".
                let next = j + 1 < tokens.count ? tokens[j + 1].key : ""
                if next == "and" || isPersonNoun(tokens[min(j + 1, tokens.count - 1)]) && j + 1 < tokens.count
                {
                    j += 1
                    continue
                }
                return NumberReader.Reading(value: 1, length: 1, isMinimum: false)
            }
            j += 1
        }
        return nil
    }

    private func isAdjectiveLike(_ token: Token) -> Bool {
        // Descriptive words between a count and "killed": demonyms, -ed/-ian words; not places or times.
        token.key.hasSuffix("ian") || token.key.hasSuffix("ese") || token.key.hasSuffix("i")
            || actors.table.value(for: token) != nil
    }

    /// Plural words for people between a count and "killed": "servicemen", "peacekeepers", "loyalists".
    static let pluralPeople = ["men", "ers", "ists", "ians", "ees", "ors", "ants", "ents", "ives"]

    static let notPeople: WordSet = [
        "years", "year", "days", "day", "hours", "hour", "minutes", "weeks", "months", "percent", "%", "km",
        "miles",
        "kilometres", "kilometers", "metres", "meters", "rockets", "missiles", "shells", "times", "am", "pm",
        "a.m.",
        "p.m.", "o'clock",
    ]

    /// A count of people: not a year, a date or a clock time.
    private func isCount(_ tokens: [Token], _ index: Int, _ reading: NumberReader.Reading) -> Bool {
        let last = index + reading.length - 1
        guard last < tokens.count else { return false }
        let token = tokens[last]
        if token.kind == .number {
            if token.keyContains(":") || token.keyContains("/") { return false }
            if reading.value >= 1900 && reading.value <= 2100 && !token.keyContains(",") { return false }
            if last > 0, DateReader.months[tokens[last - 1].key] != nil { return false }
            if last + 1 < tokens.count, DateReader.months[tokens[last + 1].key] != nil { return false }
        }
        if last + 1 < tokens.count, Extractor.notPeople.contains(tokens[last + 1]) { return false }
        return reading.value >= 0 && reading.value < 10_000_000
    }

    /// "no one was killed", "did not cause casualties", "no deaths".
    private func isNegated(_ tokens: [Token], _ index: Int) -> Bool {
        let from = max(0, index - 5)
        for j in from..<index where ["no", "not", "without", "nobody", "none", "n't"].contains(tokens[j].key)
        {
            return true
        }
        return false
    }
}
