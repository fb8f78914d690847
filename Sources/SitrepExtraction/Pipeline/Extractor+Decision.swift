extension Extractor {
    static let determiners: WordSet = [
        "the", "this", "that", "these", "those", "its", "their", "'s", "his", "her",
    ]
    static let beVerbs: WordSet = [
        "was", "were", "been", "being", "is", "are", "be", "got", "get", "gets",
    ]
    static let violentClasses: Set<String> = [
        "attack", "kill", "clash", "air", "drone", "shelling", "explosive", "suicide", "grenade", "chemical",
        "shoot",
        "abduct", "sexual", "beat", "massacre", "assassinate", "overtake", "regain", "mob",
    ]
    /// Weapons that accidents and disasters do not have: naming one keeps an explosion an attack.
    static let disasterFreeWeapons = ["explosive", "suicide", "grenade", "air", "drone", "firearm", "blade"]
    /// Weapon classes, most specific first: a weapon named anywhere in the sentence sets how the attack was made.
    static let weaponOrder = ["suicide", "chemical", "drone", "air", "grenade", "explosive", "shelling"]

    /// Cues that show a weak trigger is meant as violence: a weapon or an armed actor.
    static let corroboratingCues: Set<String> = [
        "air", "drone", "shelling", "explosive", "suicide", "grenade", "chemical", "firearm", "blade",
        "state",
        "nonstate",
    ]

    /// Cue kinds that tell what kind of story a paragraph is, for every sentence of it.
    static let storyKinds: Set<String> = ["crime", "disaster", "nonviolent"]
    static let clauseBoundaries: WordSet = ["when", "while", "but", "whereas", ";", "meanwhile"]

    struct TriggerHit {
        var index: Int
        var length: Int
        var eventClass: EventLexicon.EventClass
        var strength = EventLexicon.TriggerWord.Strength.normal
        /// Reported as the topic of another act ("claimed responsibility for the bombing", "condemned the
        /// attack") or as what came before it ("agreed a ceasefire after the fighting").
        var isSubordinate = false
        /// Read from a pair of cues (combinations.tsv) rather than one trigger word.
        var isCombination = false
    }

    static let accords: Set<PLOVERType> = [.agree, .consult, .support, .cooperate]
    static let nominalMarkers: WordSet = [
        "a", "an", "the", "its", "their", "his", "her", "of", "with", "for", "on", "to", "by", "new", "any",
    ]

    /// The noun "demand" as buyers' demand: named as a noun, followed by "for"/"from", or after a
    /// market word ("oil demand").
    func isMarketDemand(_ hit: TriggerHit, _ tokens: [Token]) -> Bool {
        let token = tokens[hit.index]
        guard hit.length == 1, hit.eventClass.name == "demand",
            token.key == "demand" || token.key == "demands"
        else { return false }
        if isNominal(tokens, hit.index) { return true }
        if hit.index + 1 < tokens.count, Extractor.demandObjects.contains(tokens[hit.index + 1]) {
            return true
        }
        guard hit.index > 0 else { return false }
        return events.cues.value(for: tokens[hit.index - 1])?.contains("market") == true
            || Extractor.demandConjunctions.contains(tokens[hit.index - 1])
    }

    static let demandObjects: WordSet = ["for", "from"]

    /// "Declined" with nothing declined after it.
    func isFall(_ hit: TriggerHit, _ tokens: [Token]) -> Bool {
        guard hit.length == 1, Extractor.declineWords.contains(tokens[hit.index]) else { return false }
        let next = hit.index + 1
        guard next < tokens.count else { return true }
        return tokens[next].kind == .punctuation || tokens[next].kind == .number
            || Extractor.afterFall.contains(tokens[next])
    }

    static let declineWords: WordSet = ["declined", "declines", "decline", "declining"]
    static let afterFall: WordSet = [
        "by", "in", "from", "since", "sharply", "slightly", "significantly", "steadily", "further", "again",
        "and", "but", "as", "amid", "over", "during", "this", "last", "year", "on",
    ]
    /// "but demand ...", "and demand ...": a clause that starts with the noun.
    static let demandConjunctions: WordSet = ["but", "and", "as", "while", "weak", "strong", "global"]

    /// A trigger used as a noun: after an article, a preposition or a count.
    func isNominal(_ tokens: [Token], _ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = tokens[index - 1]
        return previous.kind == .number || Extractor.nominalMarkers.contains(previous)
    }

    /// The cue kinds of a sentence with where each is first named.
    struct SentenceCues {
        var first = CuePositions()
        func contains(_ kind: String) -> Bool { first[kind] != nil }
    }

    /// Where each kind of cue first appears in a sentence. A sentence has a few kinds at most, so a
    /// short list searched in order beats hashing each name.
    struct CuePositions {
        private var kinds: [String] = []
        private var positions: [Int] = []

        var isEmpty: Bool { kinds.isEmpty }

        subscript(kind: String) -> Int? {
            get { kinds.firstIndex(of: kind).map { positions[$0] } }
            set {
                if let index = kinds.firstIndex(of: kind) {
                    if let newValue {
                        positions[index] = newValue
                    } else {
                        kinds.remove(at: index)
                        positions.remove(at: index)
                    }
                } else if let newValue {
                    kinds.append(kind)
                    positions.append(newValue)
                }
            }
        }
    }

    /// Triggers and cues of a sentence. Each lexicon consumes what it matches, so "tear gas" is not
    /// also "gas".
    func scan(_ tokens: [Token], quoted: [Range<Int>] = []) -> (hits: [TriggerHit], cues: SentenceCues) {
        var hits: [TriggerHit] = []
        var cues = SentenceCues()
        var cueEnd = 0
        var triggerEnd = 0
        // Where the latest frame ("claimed responsibility for", "condemned") opened, until a clause
        // boundary ("when", "but", ";") closes it.
        // "Called off the strike", "postponed the talks": nothing after it happened.
        var openFrame: Int?
        var openCancel: Int?
        var framed: [Bool] = Array(repeating: false, count: tokens.count)
        var cancelled: [Bool] = Array(repeating: false, count: tokens.count)
        for index in tokens.indices {
            let first = tokens[index].key.utf8.first ?? 0
            if first == 0x77 || first == 0x62 || first == 0x3B || first == 0x6D,
                Extractor.clauseBoundaries.contains(tokens[index])
            {
                openFrame = nil
                openCancel = nil
            }
            if openFrame != nil { framed[index] = true }
            if openCancel != nil { cancelled[index] = true }
            if index >= cueEnd, let cue = events.cues.match(tokens, at: index) {
                for kind in cue.value where cues.first[kind] == nil { cues.first[kind] = index }
                if cue.value.contains("frame") { openFrame = index }
                if cue.value.contains("cancel") { openCancel = index }
                cueEnd = index + cue.length
            }
            if index >= triggerEnd, let trigger = events.triggers.match(tokens, at: index) {
                // Words inside a long quotation are what someone said, not a report of their own.
                let start = tokens[index].start
                if let eventClass = events.eventClass(trigger.value.className),
                    !quoted.contains(where: { $0.contains(start) })
                {
                    hits.append(
                        TriggerHit(
                            index: index, length: trigger.length, eventClass: eventClass,
                            strength: trigger.value.strength))
                }
                triggerEnd = index + trigger.length
            }
        }
        // Every combination needs a cue of the sentence.
        for combination in cues.first.isEmpty ? [] : events.combinations {
            guard combination.cues.allSatisfy({ cues.contains($0) }),
                let position = combination.cues.compactMap({ cues.first[$0] }).min(),
                let eventClass = events.eventClass(combination.className)
            else { continue }
            hits.append(TriggerHit(index: position, length: 1, eventClass: eventClass, isCombination: true))
        }
        hits.sort { $0.index < $1.index }
        // A violent word heard after "claimed responsibility for", "condemned", "in response to" is what
        // the sentence talks about, not what it reports; after "after"/"amid" it is background, once an
        // event has been told.
        let sequence = cues.first["sequence"]
        // "a month": "March 2018" and "in March" are dates, not marches.
        // "Warsaw Pact", "Relief Coordinator": a trigger word inside a name is part of the name.
        let capitalized = tokens.lazy.filter { $0.kind == .word && $0.isCapitalized }.count
        let words = tokens.lazy.filter { $0.kind == .word }.count
        if capitalized * 5 < words * 3 {
            hits.removeAll { hit in
                let k = hit.index
                guard k > 0, tokens[k].isCapitalized else { return false }
                let last = k + hit.length - 1
                return tokens[k - 1].isCapitalized && tokens[k - 1].kind == .word
                    || last + 1 < tokens.count && tokens[last + 1].isCapitalized
                        && tokens[last + 1].kind == .word
            }
        }
        hits.removeAll { hit in
            let token = tokens[hit.index]
            guard hit.length == 1, DateReader.months[token.key] != nil else { return false }
            let nextIsNumber = hit.index + 1 < tokens.count && tokens[hit.index + 1].kind == .number
            let previousIsNumber = hit.index > 0 && tokens[hit.index - 1].kind == .number
            return (token.isCapitalized && hit.index > 0) || nextIsNumber || previousIsNumber
        }
        for k in hits.indices {
            // "attacked to capture the positions": a purpose, not something that happened.
            if hits[k].index > 0, tokens[hits[k].index - 1].key == "to",
                hits.contains(where: { $0.index < hits[k].index })
            {
                hits[k].isSubordinate = true
            }
            // Violence after a frame is its topic; so is any act named as a noun ("called for the
            // withdrawal", "condemned the decision").
            if framed[hits[k].index]
                && (hits[k].eventClass.isViolent
                    || isNominal(tokens, hits[k].index))
            {
                hits[k].isSubordinate = true
            }
            if cancelled[hits[k].index] { hits[k].isSubordinate = true }
            if let sequence, hits[k].index > sequence, hits.contains(where: { $0.index < sequence }) {
                hits[k].isSubordinate = true
            }
        }
        return (hits, cues)
    }

    /// The event a sentence reports, if any: one decision gives its type, mode, CAMEO and ACLED codes.
    func decide(
        _ reading: SentenceReading, text: [UInt8], previous: Mention?, trace: inout DecisionTrace?
    ) -> Mention? {
        let tokens = reading.sentence.tokens
        var hits = reading.hits
        var cues = reading.cues
        guard !hits.isEmpty else { return nil }
        trace?.candidates = hits.map { hit in
            "\"\(Extractor.text(text, tokens[hit.index].start, tokens[hit.index + hit.length - 1].end))\" (\(hit.eventClass.name))"
        }
        // What the paragraph says elsewhere about the kind of story (an accident, a crime) holds here too.
        // A sentence that names a weapon or an armed group speaks for itself.
        if !Extractor.disasterFreeWeapons.contains(where: { cues.contains($0) }), !cues.contains("nonstate") {
            for kind in reading.storyCues where !cues.contains(kind) { cues.first[kind] = tokens.count }
        }
        // Weak triggers need a weapon, an armed actor or a plainly violent act beside them.
        let corroborated =
            Extractor.corroboratingCues.contains { cues.contains($0) }
            || hits.contains {
                $0.strength != .weak && !$0.isSubordinate
                    && $0.eventClass.isViolent
            }
            || reading.actors.contains { $0.actor.sector == "REB" || $0.actor.sector == "MIL" }
            // "Clashes between two communities left 3 dead": people killed make the clash violent.
            || (reading.casualties.killed ?? 0) > 0 && !cues.contains("disaster")
                && !cues.contains("nonviolent")
        // Checked first: removing copies the hits, which the reading still shares.
        if !corroborated, hits.contains(where: { $0.strength == .weak }) {
            hits.removeAll { $0.strength == .weak }
            trace?.note("weak triggers dropped: no weapon, armed actor, violent act or death beside them")
        }
        // "Grenades and rifles were seized": the weapons were not used.
        if cues.contains("disrupt"), reading.casualties.killed ?? 0 == 0, reading.casualties.injured ?? 0 == 0
        {
            hits.removeAll { $0.strength == .weapon }
            trace?.note("weapon names dropped: the weapons were found, seized or defused, not used")
        }
        // "Demand from China has declined", "oil demand": the market's demand, not a political one.
        if cues.contains("market"), hits.contains(where: { isMarketDemand($0, tokens) }) {
            hits.removeAll { isMarketDemand($0, tokens) }
        }
        // "Exports declined by 5%": a fall, not a refusal (that declines something: "declined to
        // comment", "declined the offer").
        if hits.contains(where: { isFall($0, tokens) }) { hits.removeAll { isFall($0, tokens) } }
        guard !hits.isEmpty else {
            trace?.drop("no trigger left (market demand, a fall in figures, or weak words alone)")
            return nil
        }
        // A sentence has a few triggers: a list searched in order beats a set.
        let classNames = hits.map(\.eventClass.name)

        // A definite mention ("the attack") of an event already told adds nothing new.
        var fresh = hits.filter { hit in
            guard let previous, hit.index > 0, Extractor.determiners.contains(tokens[hit.index - 1]),
                previous.paragraph == reading.sentence.paragraph || previous.sentence == reading.index - 1
            else { return true }
            return previous.eventClass.type != hit.eventClass.type
        }
        // "The group is supported by Iran", "has long called for": a standing state of affairs, not an event.
        fresh.removeAll { hit in
            guard !hit.eventClass.isViolent, hit.index > 0 else { return false }
            let before = tokens[hit.index - 1].key
            let after = hit.index + hit.length < tokens.count ? tokens[hit.index + hit.length].key : ""
            return before == "long"
                || (before == "is" || before == "are") && Extractor.isParticiple(tokens[hit.index])
                    && after == "by"
        }
        let main = fresh.filter { !$0.isSubordinate }
        if main.isEmpty {
            // Only an act reported as someone's claim or as the topic of a reaction: no event of its own.
            if cues.contains("frame") {
                trace?.drop("only the topic of a claim, reaction, plan or accusation (frame cue), or background")
                return nil
            }
        } else {
            fresh = main
        }
        // "Air defences intercepted the missiles": the weapons were stopped, told before any harm.
        if let stopped = fresh.first(where: { $0.eventClass.name == "defuse" && !$0.isCombination }),
            !fresh.contains(where: {
                $0.index < stopped.index && $0.eventClass.isViolent
            }),
            (reading.casualties.killed ?? 0) == 0
        {
            fresh = [stopped]
        }
        // Violence outranks words; among words the main verb, which comes first, tells the event
        // ("rejected the deal", "agreed to postpone the march"), and a demonstration outranks what it
        // demanded.
        let violentHits = fresh.filter { $0.eventClass.isViolent }
        let protestHits = fresh.filter { $0.eventClass.type == .protest }
        let combined = fresh.filter(\.isCombination)
        var pool = !violentHits.isEmpty ? violentHits : !protestHits.isEmpty ? protestHits : fresh
        if violentHits.isEmpty && protestHits.isEmpty {
            // A word after an article or preposition ("with relief materials") is a noun, not the verb
            // that tells the event; word pairs ("set up" ... "post") read more than single words.
            let verbs = pool.filter { !isNominal(tokens, $0.index) }
            if !combined.isEmpty {
                pool = combined
            } else if !verbs.isEmpty {
                pool = verbs
            }
            // "agreed a ceasefire", "held talks on a peace agreement": the specific kind of accord.
            if let first = pool.first, Extractor.accords.contains(first.eventClass.type),
                let specific = fresh.first(where: {
                    $0.index > first.index && $0.eventClass.acledType != nil
                        && Extractor.accords.contains($0.eventClass.type)
                }), first.eventClass.acledType == nil
            {
                // The verb keeps its type ("agreed to resume peace talks" is an agreement), the noun
                // gives the ACLED kind.
                var first = first
                first.eventClass.acledType = specific.eventClass.acledType
                first.eventClass.acledSubType = specific.eventClass.acledSubType
                pool = [first]
            }
        }
        guard
            var best = violentHits.isEmpty
                ? pool.first
                : pool.max(by: { a, b in
                    a.eventClass.priority < b.eventClass.priority
                        || a.eventClass.priority == b.eventClass.priority && a.index > b.index
                })
        else { return nil }

        var fired: Frame?
        var eventClass = refine(
            best.eventClass, cues: cues, classNames: classNames, reading: reading, hit: best, fired: &fired)
        if let fired, eventClass != nil { trace?.note("frame \(fired.name): \(fired.why)") }
        guard var decided = eventClass else {
            trace?.drop(fired.map { "frame \($0.name): \($0.why)" } ?? "the trigger's class has no reading here")
            return nil
        }
        if decided.name != best.eventClass.name || decided.acledSubType != best.eventClass.acledSubType {
            trace?.note(
                "sharpened by the sentence's cues and actors: \(best.eventClass.name) -> \(decided.name)"
                    + (decided.acledSubType.map { " (\($0))" } ?? ""))
        }
        if !decided.isViolent,
            let stance = stance(tokens, before: best.index, decided)
        {
            trace?.note("stance (modal, negation or condition before the verb): \(decided.name) -> \(stance.name)")
            decided = stance
        }
        eventClass = decided
        if decided.name != best.eventClass.name,
            let better = fresh.first(where: { $0.eventClass.name == decided.name })
        {
            best = better
        }

        // "3 more were killed" right after an attack: the casualties belong to that attack.
        if best.eventClass.name == "kill", let previous, previous.eventClass.type == .assault,
            previous.paragraph == reading.sentence.paragraph, !hasNamedSource(reading, best),
            fresh.allSatisfy({ $0.eventClass.name == "kill" })
        {
            trace?.drop("casualties of the attack told just before, not an event of their own")
            return nil
        }

        let triggerText = Extractor.text(
            text, tokens[best.index].start, tokens[best.index + best.length - 1].end)
        var mention = Mention(
            sentence: reading.index, paragraph: reading.sentence.paragraph, eventClass: decided,
            trigger: triggerText,
            confidence: 0.5)
        mention.casualties = reading.casualties
        // "MOSUL, Iraq, 3 March 2021 — Gunmen attacked ... on Monday": the dateline dates the report;
        // another date in the sentence dates the event.
        var dates = reading.dates
        if dates.count > 1 {
            dates.removeAll { date in
                guard date.index < 10,
                    tokens.prefix(date.index).contains(where: {
                        $0.kind == .word && $0.isUpperCase && $0.key.utf8.count > 2
                    })
                else { return false }
                return tokens[date.index..<min(tokens.count, date.index + 6)].contains {
                    ["\u{2014}", "\u{2013}", "-", ":", "("].contains($0.key)
                }
            }
        }
        if let nearest = dates.min(by: { abs($0.index - best.index) < abs($1.index - best.index) }) {
            mention.date = nearest.resolved
        }
        if let place = reading.places.max(by: { a, b in
            a.rank < b.rank
                || a.rank == b.rank
                    && abs(a.range.lowerBound - best.index) > abs(b.range.lowerBound - best.index)
        }) {
            mention.location = place.location
            mention.locationRank = place.rank
        }
        assignActors(&mention, reading: reading, hit: best)
        if cues.contains("shelling") || cues.contains("drone") {
            mention.quantity = quantity(tokens, text: text)
        }
        var confidence = 0.45 + Double(decided.priority) / 400
        if mention.location != nil { confidence += 0.1 }
        if !mention.source.isEmpty { confidence += 0.1 }
        if mention.date != nil { confidence += 0.05 }
        mention.confidence = min(0.95, (confidence * 100).rounded() / 100)
        return mention
    }

    private func hasNamedSource(_ reading: SentenceReading, _ hit: TriggerHit) -> Bool {
        reading.actors.contains { $0.range.upperBound <= hit.index && $0.isNamed }
    }

    /// Sharpens the trigger's class with what else the sentence says: the weapon, who was hit, whether
    /// protesters were involved, whether the violence is a crime or a disaster rather than political.
    func refine(
        _ eventClass: EventLexicon.EventClass, cues: SentenceCues, classNames: [String],
        reading: SentenceReading,
        hit: TriggerHit, fired: inout Frame?
    ) -> EventLexicon.EventClass? {
        var name = eventClass.name
        let violent = Extractor.violentClasses.contains(name)
        let protestInvolved =
            classNames.contains("protest") || classNames.contains("riot") || cues.contains("protester")
        let protestKinds = ["protest", "strike", "hunger", "blockade"]
        if protestInvolved, name != "mob", name != "sexual", name != "abduct",
            violent || protestKinds.contains(name) || name == "loot" || name == "arrest" || name == "riot"
        {
            return protestOutcome(
                name: name, violent: violent, cues: cues, classNames: classNames, reading: reading, hit: hit)
        }
        if protestKinds.contains(name) { return eventClass }
        var facts = FrameFacts(
            cues: cues, classNames: classNames,
            harm: (reading.casualties.killed ?? 0) > 0 || (reading.casualties.injured ?? 0) > 0,
            weapon: Extractor.disasterFreeWeapons.contains { cues.contains($0) },
            armedAttack: false)
        facts.intent = hasIntent(reading.sentence.tokens, before: hit.index)
        guard violent else {
            fired = firstFrame(for: name, isViolent: false, facts: facts)
            return frameOutcome(fired) ?? eventClass
        }
        if ["attack", "kill", "shoot", "clash", "explosive", "shelling", "air", "beat", "massacre"].contains(
            name)
        {
            let current = Extractor.weaponOrder.firstIndex(of: name) ?? Extractor.weaponOrder.count
            for (rank, weapon) in Extractor.weaponOrder.enumerated() where rank < current {
                if cues.contains(weapon) || classNames.contains(weapon) {
                    if name == "clash" && (weapon == "shelling") { break }
                    name = weapon
                    break
                }
            }
        }
        if name == "overtake" || name == "regain" {
            // "Rifles were seized", "seized 50 rifles": weapons taken, not ground.
            if let weapon = cues.first["weapon"],
                weapon < hit.index || weapon - (hit.index + hit.length) <= 4,
                !cues.contains("transfer")
            {
                return events.eventClass("defuse")
            }
            // Ground given up: "entered the town after the army pulled out".
            if cues.contains("transfer") { return events.eventClass("handover") }
            let stateSource = reading.actors.contains {
                $0.range.upperBound <= hit.index
                    && ($0.actor.sector == "MIL" || $0.actor.sector == "GOV" || $0.actor.sector == "COP")
            }
            // "captured three suspects": people, not ground, were taken.
            let objectStart = hit.index + hit.length
            let tokens = reading.sentence.tokens
            // The first word of the object that says what was taken: ground ("the base", "two camps") or
            // people ("three suspects", "NPA members").
            let window = objectStart..<min(tokens.count, objectStart + 5)
            let groundAt = window.first {
                let kinds = events.cues.value(for: tokens[$0])
                return kinds?.contains("territory") == true || kinds?.contains("basenoun") == true
            }
            let personAt =
                window.first { k in
                    reading.actors.contains {
                        $0.range.lowerBound == k && $0.actor.sector != nil && $0.actor.sector != "GOV"
                            && $0.actor.sector != "MIL"
                    }
                        || events.cues.value(for: tokens[k])?.contains("suspect") == true
                }
            let peopleTaken = personAt.map { person in groundAt.map { person < $0 } ?? true } ?? false
            let territory =
                !peopleTaken
                && (reading.places.contains { $0.range.lowerBound > hit.index } || cues.contains("territory"))
            if !territory && name == "overtake" {
                // "captured 234 pistols" is weapons taken; "captured three suspects" an arrest.
                if cues.contains("weapon") { return events.eventClass("defuse") }
                if peopleTaken { return events.eventClass("arrest") }
                if hit.strength == .weak { return nil }
            }
            name = stateSource ? "regain" : "overtake"
        }
        let armed =
            cues.contains("nonstate") || cues.contains("state")
            || reading.actors.contains {
                $0.actor.sector == "REB" || $0.actor.sector == "MIL"
            }
        let attackWords = reading.hits.contains {
            $0.strength != .weak && ["attack", "shoot", "clash"].contains($0.eventClass.name)
        }
        // Crime, disasters, sports and the like: the frames of frames.tsv, in their order.
        var violentFacts = facts
        violentFacts.armedAttack = attackWords && armed
        violentFacts.armed = armed
        violentFacts.namedActor = reading.actors.contains { $0.isNamed }
        violentFacts.bothSides = { armedSides(cues: cues, reading: reading) == (true, true) }
        if let frame = firstFrame(for: name, isViolent: true, facts: violentFacts) {
            fired = frame
            guard let outcome = frameOutcome(frame) else { return nil }
            return outcome
        }
        if ["attack", "kill", "shoot", "beat"].contains(name) {
            // Armed groups fighting each other is a battle; armed men against unarmed people is violence against civilians.
            let bothSides = armedSides(cues: cues, reading: reading) == (true, true)
            if bothSides || classNames.contains("clash") {
                return with(
                    name, acledType: "Battles", sub: "Armed clash", mode: name == "beat" ? "beat" : "firearms"
                )
            }
        }
        return events.eventClass(name)
    }

    /// A modal or a word of intent within four words before the trigger, in the same clause.
    func hasIntent(_ tokens: [Token], before index: Int) -> Bool {
        var k = index - 1
        while k >= 0 && index - k <= 4 {
            if tokens[k].kind == .punctuation { return false }
            if Extractor.modals.contains(tokens[k]) { return true }
            k -= 1
        }
        return false
    }

    /// What a frame that fired makes of the event: nil when it drops it.
    func frameOutcome(_ frame: Frame?) -> EventLexicon.EventClass?? {
        guard let frame else { return .none }
        switch frame.effect {
        case .drop: return .some(nil)
        case .become(let name): return .some(events.eventClass(name))
        }
    }

    static let modals: WordSet = [
        "will", "would", "'ll", "shall", "plans", "plan", "intends", "intend", "ready", "willing",
        "prepared", "promised", "pledged", "offered", "agreed", "vowed", "expected", "could", "might",
    ]
    static let negations: WordSet = ["not", "n't", "never", "no"]
    static let cooperative: Set<PLOVERType> = [
        .support, .aid, .consult, .cooperate, .concede, .retreat, .agree,
    ]
    static let coercive: Set<PLOVERType> = [.coerce, .sanction, .protest, .mobilize, .retreat]

    /// What a word means with what stands before it: "will not accept" is a rejection, "will give aid" a
    /// promise, "will impose a curfew" or "unless" a threat.
    func stance(_ tokens: [Token], before index: Int, _ decided: EventLexicon.EventClass) -> EventLexicon
        .EventClass?
    {
        var modal = false
        var negated = false
        var k = index - 1
        while k >= 0 && index - k <= 4 {
            let key = tokens[k].key
            if tokens[k].kind == .punctuation { break }
            if Extractor.negations.contains(key) { negated = true }
            if Extractor.modals.contains(key) { modal = true }
            k -= 1
        }
        let conditional = tokens.contains { $0.key == "unless" || $0.key == "otherwise" }
        if negated && Extractor.cooperative.contains(decided.type) { return events.eventClass("reject") }
        if conditional || modal && Extractor.coercive.contains(decided.type) && decided.type != .retreat {
            return events.eventClass("threaten")
        }
        if modal && Extractor.cooperative.contains(decided.type) && decided.type != .agree {
            return events.eventClass("agree")
        }
        return nil
    }

    static let speechVerbs: WordSet = [
        "said", "says", "say", "told", "reported", "confirmed", "added", "stated", "announced", "claimed",
    ]

    /// Whether state forces and non-state armed men are both in the fight. Police or officials who only
    /// tell of it ("police said") are not a side.
    func armedSides(cues: SentenceCues, reading: SentenceReading) -> (state: Bool, nonState: Bool) {
        let tokens = reading.sentence.tokens
        func speaks(_ end: Int) -> Bool {
            end < tokens.count && Extractor.speechVerbs.contains(tokens[end])
        }
        var state = false
        var nonState = cues.contains("nonstate")
        for mention in reading.actors where !speaks(mention.range.upperBound) {
            switch mention.actor.sector {
            case "MIL", "COP": state = true
            case "REB": nonState = true
            default: break
            }
        }
        if let first = cues.first["state"], !state {
            state =
                !(first + 1 < tokens.count && speaks(first + 1))
                || reading.actors.contains {
                    $0.range.lowerBound > first && ["MIL", "COP"].contains($0.actor.sector ?? "")
                }
        }
        return (state, nonState)
    }

    /// How a demonstration went, by the ACLED definitions: force that kills, wounds or is described as
    /// brutal is excessive force; protesters who clash, throw things, burn or loot make it a riot; tear
    /// gas, dispersal or arrests are an intervention; otherwise it was peaceful.
    private func protestOutcome(
        name: String, violent: Bool, cues: SentenceCues, classNames: [String], reading: SentenceReading,
        hit: TriggerHit
    ) -> EventLexicon.EventClass? {
        let base = violent || name == "loot" || name == "arrest" || name == "riot" ? "protest" : name
        // Force used on a crowd is an assault on it (PLOVER) in a protest (ACLED).
        let forceClass = violent ? name : base
        let harmed = (reading.casualties.killed ?? 0) > 0 || (reading.casualties.injured ?? 0) > 0
        let stateForce =
            cues.contains("state")
            || reading.actors.contains { ["COP", "MIL", "GOV"].contains($0.actor.sector ?? "") }
        // Who acts: "protesters attacked the police" is the crowd's violence.
        let actor = reading.actors.last { $0.range.upperBound <= hit.index }
        let tokens = reading.sentence.tokens
        let passive = (1...2).contains { k in
            hit.index - k >= 0 && Extractor.beVerbs.contains(tokens[hit.index - k])
        }
        // "Protesters died from gunfire": the crowd suffered the act.
        let suffered =
            actor.map { mention in
                tokens[mention.range.upperBound..<hit.index].contains {
                    casualties.value(for: $0) != nil
                }
            } ?? false
        let crowdActs = actor?.actor.name == "Protesters" && !passive && !suffered
        // "A peaceful march": whatever turned violent, it was not the marchers.
        let peaceful = cues.contains("peaceful")
        if cues.contains("force") && !crowdActs {
            return with(forceClass, acledType: "Protests", sub: "Excessive force against protesters")
        }
        if peaceful && violent && !stateForce && !crowdActs {
            return events.eventClass("mob")
        }
        if !peaceful
            && (cues.contains("riotous") || name == "loot" || name == "riot" || classNames.contains("riot")
                || classNames.contains("clash") || (violent && crowdActs))
        {
            return events.eventClass("riot")
        }
        if (stateForce || peaceful || suffered) && (harmed || violent && !cues.contains("intervene")) {
            return with(forceClass, acledType: "Protests", sub: "Excessive force against protesters")
        }
        if name == "arrest" || cues.contains("intervene") || classNames.contains("arrest") {
            return with(base, acledType: "Protests", sub: "Protest with intervention")
        }
        return with(base, acledType: "Protests", sub: "Peaceful protest")
    }

    private func with(_ name: String, acledType: String, sub: String, mode: String? = nil) -> EventLexicon
        .EventClass?
    {
        guard var eventClass = events.eventClass(name) else { return nil }
        eventClass.acledType = acledType
        eventClass.acledSubType = sub
        if let mode { eventClass.mode = mode }
        return eventClass
    }

    /// Source and target: the subject and object of the trigger, with passive voice and "by" phrases.
    static let irregularParticiples: WordSet = [
        "shot", "hit", "struck", "held", "met", "taken", "caught", "sent", "led", "beaten", "slain", "seen",
        "given", "told", "found", "left", "put", "set", "made", "brought", "overrun", "withdrawn", "driven",
        "thrown", "blown", "stolen", "bound", "kept", "hurt", "burnt", "fought",
    ]
    static let modifierPrepositions: WordSet = ["of", "in", "from", "for", "at", "near", "with", "on"]

    /// A verb form that can follow "was"/"were" in the passive: "was attacked", "were shot".
    static func isParticiple(_ token: Token) -> Bool {
        token.key.hasSuffix("ed") || token.key.hasSuffix("en") || irregularParticiples.contains(token.key)
    }

    /// Source and target: the subject and object of the trigger, with passive voice and "by" phrases.
    func assignActors(_ mention: inout Mention, reading: SentenceReading, hit: TriggerHit) {
        let tokens = reading.sentence.tokens
        var before = reading.actors.filter { $0.range.upperBound <= hit.index }
        let after = reading.actors.filter { $0.range.lowerBound >= hit.index + hit.length }
        let passive =
            Extractor.isParticiple(tokens[hit.index])
            && (1...2).contains { k in
                hit.index - k >= 0 && Extractor.beVerbs.contains(tokens[hit.index - k])
            }
        // "X said Y must leave": the one who demands is the speaker.
        if tokens[hit.index].key == "must" || tokens[hit.index].key == "should",
            let speech = (0..<hit.index).last(where: { Extractor.speechVerbs.contains(tokens[$0]) })
        {
            let speakers = before.filter { $0.range.upperBound <= speech }
            if let speaker = speakers.last {
                mention.source = [speaker.actor]
                if let demanded = before.last(where: { $0.range.lowerBound > speech }) {
                    mention.target = [demanded.actor]
                }
                return
            }
        }
        var byActor: ActorMention?
        if let first = after.first {
            let gap = tokens[(hit.index + hit.length)..<first.range.lowerBound]
            if gap.count <= 3 && gap.contains(where: { $0.key == "by" }) { byActor = first }
        }
        // "The Turkish and Greek sides of the island of Cyprus have agreed": an actor named in a phrase
        // after "of"/"in" describes the subject, it is not the subject.
        while before.count >= 2, let last = before.last, last.range.lowerBound > 0,
            Extractor.modifierPrepositions.contains(tokens[last.range.lowerBound - 1]),
            !tokens[before[before.count - 2].range.upperBound..<last.range.lowerBound].contains(where: {
                Extractor.speechVerbs.contains($0) || $0.key == ";" || $0.key == "that"
            })
        {
            before.removeLast()
        }
        var subject: [ActorMention] = []
        if let last = before.last {
            subject.append(last)
            // "The United States and Jordan", "Hungarian and Romanian officials"
            var k = before.count - 2
            while k >= 0 {
                let gap = tokens[before[k].range.upperBound..<before[k + 1].range.lowerBound]
                guard gap.count <= 3, gap.allSatisfy({ $0.key == "and" || $0.key == "," || $0.key == "the" })
                else { break }
                subject.insert(before[k], at: 0)
                k -= 1
            }
        }
        if passive || byActor != nil {
            if let byActor { mention.source = [byActor.actor] }
            mention.target = subject.map(\.actor)
        } else {
            mention.source = subject.map(\.actor)
            if let object = after.first(where: { $0.range.lowerBound - (hit.index + hit.length) <= 8 }) {
                mention.target = [object.actor]
            }
        }
    }

    /// "18 missiles", "dozens of rockets": how many of what.
    func quantity(_ tokens: [Token], text: [UInt8]) -> Quantity? {
        for index in tokens.indices {
            guard
                events.cues.match(tokens, at: index)?.value.contains("shelling") == true
                    || tokens[index].key == "drones",
                index > 0
            else { continue }
            var start = index - 1
            if tokens[start].key == "of", start > 0 { start -= 1 }
            for from in stride(from: max(0, start - 2), through: start, by: 1) {
                if let reading = numbers.read(tokens, at: from), from + reading.length - 1 == start,
                    reading.value > 1
                {
                    return Quantity(count: reading.value, what: tokens[index].key)
                }
            }
        }
        return nil
    }
}
