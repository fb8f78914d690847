import SitrepFormats

extension Extractor {
    /// One record per real event: later mentions of the same kind of event, on the same day (or with no
    /// day) in the same country (or none), add what they know to the first.
    func merge(_ mentions: [Mention]) -> [Mention] {
        var merged: [Mention] = []
        // Indices into `merged` by kind of event, and the types seen: a mention is compared only with
        // the first `mergeCandidates` records of its kind, so a text telling thousands of distinct
        // events costs time linear in them, not quadratic.
        var byKind: [String: [Int]] = [:]
        var types: Set<String> = []
        // Headlines last: they announce an event the body tells with its date and place.
        let ordered = mentions.filter { !$0.isHeadline } + mentions.filter(\.isHeadline)
        for mention in ordered {
            if mention.isHeadline, types.contains(mention.eventClass.type.rawValue) { continue }
            let kind =
                "\(mention.eventClass.type.rawValue)\t\(mention.eventClass.acledType ?? "")\t"
                + (mention.eventClass.acledSubType ?? "")
            let candidates = byKind[kind] ?? []
            if let k = candidates.prefix(Extractor.mergeCandidates).first(where: {
                sameEvent(merged[$0], mention)
            }) {
                var event = merged[k]
                if event.date == nil { event.date = mention.date }
                if mention.locationRank > event.locationRank || event.location == nil {
                    if let location = mention.location {
                        event.location = location
                        event.locationRank = mention.locationRank
                    }
                }
                event.casualties.absorb(mention.casualties)
                if event.source.isEmpty { event.source = mention.source }
                if event.target.isEmpty { event.target = mention.target }
                if event.quantity == nil { event.quantity = mention.quantity }
                event.confidence = min(0.95, ((event.confidence + 0.05) * 100).rounded() / 100)
                merged[k] = event
            } else {
                byKind[kind, default: []].append(merged.count)
                types.insert(mention.eventClass.type.rawValue)
                merged.append(mention)
            }
        }
        return merged
    }

    /// How many earlier records of the same kind a mention may be merged into.
    static let mergeCandidates = 64

    private func sameEvent(_ a: Mention, _ b: Mention) -> Bool {
        guard a.eventClass.type == b.eventClass.type, a.eventClass.acledType == b.eventClass.acledType,
            a.eventClass.acledSubType == b.eventClass.acledSubType
        else { return false }
        if let x = a.date, let y = b.date, x != y { return false }
        // A place only assumed from the paragraph or the text's country (rank 0) does not tell events apart.
        if a.locationRank > 0, b.locationRank > 0, let x = a.location?.country, let y = b.location?.country,
            x != y
        {
            return false
        }
        return true
    }

    /// 64-bit FNV-1a of a string as 16 hex digits: stable across runs and platforms, and cheap.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return String(unsafeUninitializedCapacity: 16) { out in
            for k in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: hash >> (UInt64(k) * 4)) & 0xF
                out[15 - k] = digit < 10 ? 0x30 + digit : 0x57 + digit
            }
            return 16
        }
    }

    func event(
        from mention: Mention, sentences: [Sentence], text: [UInt8], document: DocumentReference,
        newsDate: CivilDate?
    ) -> Event {
        let sentence = sentences[mention.sentence]
        let eventClass = mention.eventClass
        let code = eventClass.cameo.flatMap { events.cameo[$0] }
        var background: Bool?
        if let date = mention.date?.date, let newsDate, date.dayNumber < newsDate.dayNumber - backgroundDays {
            background = true
        }
        // The publication date is part of the identity: the same wire text published on two days
        // reports two events ("on Monday" is a different day), so it must not collapse into one id.
        let published = document.published.map { "|published:\($0)" } ?? ""
        let idSource =
            "\(document.sha256)\(published)|\(sentence.start)-\(sentence.end)|\(eventClass.type.rawValue)|\(mention.trigger)"
        return Event(
            id: Extractor.stableHash(idSource), doc: document, type: eventClass.type,
            mode: eventClass.mode,
            context: eventClass.context.isEmpty ? nil : eventClass.context, cameo: eventClass.cameo,
            quadClass: code?.quadClass, goldstein: code?.goldstein,
            acled: eventClass.acledType.map {
                ACLEDCategory(eventType: $0, subEventType: eventClass.acledSubType)
            },
            date: mention.date?.date.iso, datePrecision: mention.date?.precision,
            source: mention.source.isEmpty ? nil : mention.source,
            target: mention.target.isEmpty ? nil : mention.target,
            location: mention.location, killed: mention.casualties.killed,
            killedMin: mention.casualties.killed != nil && mention.casualties.killedMin ? true : nil,
            injured: mention.casualties.injured,
            injuredMin: mention.casualties.injured != nil && mention.casualties.injuredMin ? true : nil,
            quantity: mention.quantity, background: background, trigger: mention.trigger,
            sentence: Extractor.text(text, sentence.start, sentence.end),
            span: [sentence.start, sentence.end],
            confidence: mention.confidence)
    }
}
