import SitrepFormats

extension Extractor {
    /// ISO 639-1 code of the language the document's text reads as (`und` for a text in no listed
    /// language and not in Latin letters), nil when it cannot be told.
    public func language(of document: Document) -> String? {
        languages.guess(document.text)
    }

    /// Pure: the same document always yields the same events with the same ids.
    public func extract(_ document: Document) -> [Event] {
        (try? extract(document, explaining: false, continuing: { true }))?.events ?? []
    }

    /// The events of a document with, for each sentence that held a trigger, how it was decided: the
    /// candidates, the rules and frames that applied, and the event made or why none was.
    public func explain(_ document: Document) -> (events: [Event], sentences: [SentenceExplanation]) {
        (try? extract(document, explaining: true, continuing: { true })) ?? ([], [])
    }

    /// As `extract(_:)`, asking `continuing` between sentences whether to go on: the caller's budget
    /// (the daemon's time per document) as the last defence against input that is slow to read.
    public func extract(_ document: Document, continuing: () -> Bool) throws(ExtractionStopped) -> [Event] {
        try extract(document, explaining: false, continuing: continuing).events
    }

    func extract(
        _ document: Document, explaining: Bool, continuing: () -> Bool
    ) throws(ExtractionStopped) -> (events: [Event], sentences: [SentenceExplanation]) {
        var explanations: [SentenceExplanation] = []
        var checks = 0
        func check(_ stage: String) throws(ExtractionStopped) {
            checks += 1
            if checks & 15 == 0, !continuing() { throw ExtractionStopped(stage: stage) }
        }
        let bytes = Array(document.text.utf8)
        var tokens = Tokenizer.tokenize(bytes)
        markLexicons(&tokens)
        let lowercaseText = Extractor.isLowercase(tokens)
        let sentences = splitter.split(bytes, tokens: tokens, lowercaseText: lowercaseText)
        let sha = SHA256.hex(bytes)
        let reference = DocumentReference(
            id: document.id ?? String(sha.prefix(16)), path: document.path, sha256: sha,
            title: document.title,
            url: document.url, published: document.published, record: document.record,
            offset: document.offset,
            publishedSource: document.publishedSource?.rawValue, language: language(of: document)
        )

        // Document-wide facts: actors (for countries and people's years), countries, years mentioned.
        var actorsBySentence: [[ActorMention]] = []
        var documentCountries: [String: Int] = [:]
        var activeYears: [[ClosedRange<Int>]] = []
        var mentionedYears: [Int] = []
        for sentence in sentences {
            try check("actors")
            let found = actorMentions(in: sentence, text: bytes, lowercaseText: lowercaseText)
            actorsBySentence.append(found)
            for mention in found {
                if let country = mention.actor.country { documentCountries[country, default: 0] += 1 }
            }
            for token in sentence.tokens where token.kind == .number {
                if let year = DateReader.year(token) { mentionedYears.append(year) }
            }
        }
        var seenPeople = Set<String>()
        for (s, sentence) in sentences.enumerated() {
            for mention in actorsBySentence[s] {
                guard let name = mention.actor.name, !seenPeople.contains(name),
                    let entry = actors.table.value(sentence.tokens, mention.range),
                    entry.kind == .person, !entry.activeYears.isEmpty
                else { continue }
                seenPeople.insert(name)
                activeYears.append(entry.activeYears)
            }
        }
        let dateMentions = sentences.map { DateReader.find($0.tokens) }
        let anchor = documentAnchor(
            document, sentences, dateMentions: dateMentions, activeYears: activeYears,
            mentionedYears: mentionedYears)

        // "01/15/2016: Assailants detonated ...", "On 12 February 2022, ...": a summary that opens
        // with a date dates what it tells without a date of its own.
        var openingDate: DateReader.Resolved?
        if let sentence = sentences.first, let first = dateMentions.first?.first,
            case .full = first.expression,
            first.tokenIndex == 0 || first.tokenIndex == 1 && sentence.tokens[0].key == "on"
        {
            openingDate = DateReader.resolve(first.expression, anchor: anchor, previous: nil)
        }

        let quoted = Extractor.quotations(tokens)
        var scans: [(hits: [TriggerHit], cues: SentenceCues)] = []
        scans.reserveCapacity(sentences.count)
        var storyKinds: [Int: Set<String>] = [:]
        for sentence in sentences {
            try check("triggers")
            let scan = scan(sentence.tokens, quoted: quoted)
            for kind in Extractor.storyKinds where scan.cues.contains(kind) {
                storyKinds[sentence.paragraph, default: []].insert(kind)
            }
            scans.append(scan)
        }

        var mentions: [Mention] = []
        var lastDate: DateReader.Resolved?
        var lastPlace: (location: Location, paragraph: Int)?
        for (s, sentence) in sentences.enumerated() {
            try check("events")
            // Most sentences report nothing: places and counts are read only where an event may be.
            let hasTrigger = !scans[s].hits.isEmpty
            let places =
                hasTrigger
                ? placeMentions(
                    in: sentence, text: bytes, lowercaseText: lowercaseText,
                    documentCountries: documentCountries,
                    skipping: actorsBySentence[s].filter { $0.isNamed }.map(\.range)) : []
            let countsCasualties =
                hasTrigger || sentence.tokens.contains { $0.lexicons & casualties.lexiconBit != 0 }
            var dates: [(index: Int, resolved: DateReader.Resolved)] = []
            for found in dateMentions[s] {
                if let resolved = DateReader.resolve(found.expression, anchor: anchor, previous: lastDate) {
                    dates.append((found.tokenIndex, resolved))
                }
            }
            defer {
                if let last = dates.last { lastDate = last.resolved }
                if let best = places.max(by: { $0.rank < $1.rank }), best.rank >= 4 {
                    lastPlace = (best.location, sentence.paragraph)
                }
            }
            let reading = SentenceReading(
                sentence: sentence, index: s, actors: actorsBySentence[s], places: places, dates: dates,
                casualties: countsCasualties ? casualties(in: sentence.tokens) : Casualties(),
                hits: scans[s].hits, cues: scans[s].cues,
                storyCues: storyKinds[sentence.paragraph] ?? [])
            var trace: DecisionTrace? = explaining && hasTrigger ? DecisionTrace() : nil
            let decided = decide(reading, text: bytes, previous: mentions.last, trace: &trace)
            if let trace {
                let sentenceText = Extractor.text(bytes, sentence.start, sentence.end)
                explanations.append(
                    SentenceExplanation(
                        sentence: s,
                        text: sentenceText.count > 160
                            ? String(sentenceText.prefix(157)) + "..." : sentenceText,
                        candidates: trace.candidates, rules: trace.notes,
                        event: decided.map { mention in
                            let c = mention.eventClass
                            return "\(c.type.rawValue) (class \(c.name), trigger \"\(mention.trigger)\")"
                                + (c.acledType.map { ", ACLED \($0)" } ?? "")
                                + (c.acledSubType.map { " / \($0)" } ?? "")
                        },
                        dropped: decided == nil ? trace.dropped ?? "no event class decided" : nil))
            }
            guard var mention = decided else {
                // A sentence that only counts casualties adds them to the event told just before.
                if !reading.casualties.isEmpty, let last = mentions.last, last.eventClass.type == .assault,
                    last.paragraph == sentence.paragraph || last.sentence == s - 1,
                    hasOnlyCasualtyWords(reading)
                {
                    mentions[mentions.count - 1].casualties.absorb(reading.casualties)
                }
                continue
            }
            if mention.date == nil, let last = mentions.last,
                last.sentence == s - 1 || last.paragraph == sentence.paragraph,
                startsWithSequenceWord(sentence)
            {
                mention.date = lastDate
            }
            if mention.date == nil, let openingDate { mention.date = openingDate }
            // A headline ("Rocket Attack Hits Coalition Troops") announces what the text then tells.
            mention.isHeadline = sentences.count > 1 && Extractor.isTitleCase(sentence.tokens)
            // No place in the sentence: the place the paragraph told last, else the country the text
            // is about (rank 0, so any place named later in a merged mention wins).
            if mention.location == nil {
                if let place = lastPlace, place.paragraph == sentence.paragraph {
                    mention.location = place.location
                } else if let place = earlierPlace(
                    before: s, sentences: sentences, text: bytes, lowercaseText: lowercaseText,
                    documentCountries: documentCountries, actorsBySentence: actorsBySentence)
                {
                    // "An assailant drove a truck into a crowd in Nice. 86 people were killed."
                    mention.location = place
                } else if let top = documentCountries.max(by: {
                    $0.value < $1.value || $0.value == $1.value && $0.key > $1.key
                }),
                    let country = gazetteer.country(top.key)
                {
                    mention.location = Location(
                        text: country.name, name: country.name, country: country.country, lat: country.lat,
                        lon: country.lon, precision: .country,
                        geonamesID: country.geonamesID > 0 ? country.geonamesID : nil)
                }
                mention.locationRank = 0
            }
            mentions.append(mention)
        }
        let merged = merge(mentions)
        let newsDate = anchor?.date
        let events = merged.map {
            event(from: $0, sentences: sentences, text: bytes, document: reference, newsDate: newsDate)
        }
        return (events, explanations)
    }

    /// The place named by the sentences just before `index` in its paragraph that told no event
    /// (their places are not read otherwise): the best-ranked town, site or region.
    func earlierPlace(
        before index: Int, sentences: [Sentence], text: [UInt8], lowercaseText: Bool,
        documentCountries: [String: Int], actorsBySentence: [[ActorMention]]
    ) -> Location? {
        var k = index - 1
        while k >= 0, index - k <= 3, sentences[k].paragraph == sentences[index].paragraph {
            let places = placeMentions(
                in: sentences[k], text: text, lowercaseText: lowercaseText,
                documentCountries: documentCountries,
                skipping: actorsBySentence[k].filter { $0.isNamed }.map(\.range))
            if let best = places.max(by: { $0.rank < $1.rank }), best.rank >= 4 { return best.location }
            k -= 1
        }
        return nil
    }

    /// Byte ranges of quotations longer than a few words: what someone said, not what the text reports.
    /// A short quoted phrase ("a “precision strike”") is a name for something and stays.
    static func quotations(_ tokens: [Token]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            let key = tokens[index].key
            guard tokens[index].kind == .punctuation, key == "\u{201C}" || key == "\"" else {
                index += 1
                continue
            }
            var close = index + 1
            var words = 0
            while close < tokens.count, close - index < 400 {
                let k = tokens[close].key
                if k == "\u{201D}" || k == "\"" || k == "\u{201C}" { break }
                if tokens[close].kind == .word { words += 1 }
                close += 1
            }
            if close < tokens.count, tokens[close].key != "\u{201C}", words > 6 {
                ranges.append(tokens[index].start..<tokens[close].end)
                index = close + 1
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// Most words capitalised: a headline.
    static func isTitleCase(_ tokens: [Token]) -> Bool {
        var words = 0
        var capitalized = 0
        for token in tokens where token.kind == .word {
            words += 1
            if token.isCapitalized { capitalized += 1 }
        }
        return words >= 3 && capitalized * 5 >= words * 3
    }

    /// All-lowercase text (no capitalised words at all) switches off the capitalisation cues.
    static func isLowercase(_ tokens: [Token]) -> Bool {
        var words = 0
        var capitalized = 0
        for token in tokens where token.kind == .word {
            words += 1
            if token.isCapitalized { capitalized += 1 }
            if words > 400 { break }
        }
        return words >= 3 && capitalized * 50 < words
    }

    private func hasOnlyCasualtyWords(_ reading: SentenceReading) -> Bool {
        reading.actors.allSatisfy { !$0.isNamed || $0.actor.sector != nil }
    }

    private func startsWithSequenceWord(_ sentence: Sentence) -> Bool {
        sentence.tokens.prefix(6).contains {
            ["later", "then", "subsequently", "afterwards", "meanwhile", "followed", "thereafter", "next"]
                .contains(
                    $0.key)
        }
    }

    /// The date relative expressions are read against: the publication date; else a dateline date;
    /// else "Wednesday, March 11" with its year inferred; else the first full date in the text.
    func documentAnchor(
        _ document: Document, _ sentences: [Sentence], dateMentions: [[DateReader.Mention]],
        activeYears: [[ClosedRange<Int>]],
        mentionedYears: [Int]
    ) -> DateReader.Anchor? {
        if let published = document.published, let date = CivilDate(iso: published) {
            // A file's modification time is a guess: a dateline in the text says more.
            guard document.publishedSource == .fileModified else {
                return DateReader.Anchor(date: date, isPublication: true)
            }
            var undated = document
            undated.published = nil
            let textual = documentAnchor(
                undated, sentences, dateMentions: dateMentions, activeYears: activeYears,
                mentionedYears: mentionedYears)
            if let textual, textual.isPublication { return textual }
            return DateReader.Anchor(date: date, isPublication: true)
        }
        var firstFull: CivilDate?
        for (sentence, found) in zip(sentences, dateMentions) {
            for found in found {
                switch found.expression {
                case .full(let date):
                    if sentence.start < 200 { return DateReader.Anchor(date: date, isPublication: true) }
                    if firstFull == nil { firstFull = date }
                case .monthDay(let month, let day, let weekday?):
                    if let year = DateReader.year(
                        month: month, day: day, weekday: weekday, activeYears: activeYears,
                        mentionedYears: mentionedYears, defaultYear: defaultYear),
                        let date = CivilDate.valid(year: year, month: month, day: day)
                    {
                        return DateReader.Anchor(date: date, isPublication: false)
                    }
                default: break
                }
            }
        }
        return firstFull.map { DateReader.Anchor(date: $0, isPublication: false) }
    }
}

/// Everything read from one sentence that the event decision needs.
struct SentenceReading: Sendable {
    var sentence: Sentence
    var index: Int
    var actors: [ActorMention]
    var places: [PlaceMention]
    var dates: [(index: Int, resolved: DateReader.Resolved)]
    var casualties: Casualties
    var hits: [Extractor.TriggerHit] = []
    var cues = Extractor.SentenceCues()
    /// Kinds of story (crime, disaster) that other sentences of the paragraph tell of.
    var storyCues: Set<String> = []
}
