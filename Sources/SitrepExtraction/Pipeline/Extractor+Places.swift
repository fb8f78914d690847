extension Extractor {
    static let locativeWords: WordSet = [
        "in", "at", "near", "outside", "around", "into", "across", "from", "of", "to", "towards", "toward",
        "inside", "on", "nearby", "between", "through", "throughout", "within", "off",
    ]
    static let directions: WordSet = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
        "north-west", "south-east", "south-west",
    ]

    /// Places named in a sentence, ranked as the event's location: the most specific place, named after a
    /// locative word; "12 miles north of Baghdad" and "the Syrian-Iraqi border" count too, below a place
    /// named directly.
    func placeMentions(
        in sentence: Sentence, text: [UInt8], lowercaseText: Bool, documentCountries: [String: Int],
        skipping actorRanges: [Range<Int>]
    ) -> [PlaceMention] {
        let tokens = sentence.tokens
        var found: [PlaceMention] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .word else {
                index += 1
                continue
            }
            // "Syrian-Iraqi border"
            if token.keyContains("-"), index + 1 < tokens.count, tokens[index + 1].key.hasPrefix("border") {
                let parts = token.key.split(separator: "-").map(String.init)
                let countries = parts.compactMap { actors.table.value(forKey: $0)?.country }
                if countries.count == 2, let first = gazetteer.country(countries[0]) {
                    let location = Location(
                        text: Extractor.text(text, token.start, tokens[index + 1].end), name: first.name,
                        country: first.country, lat: first.lat, lon: first.lon, precision: .country,
                        geonamesID: first.geonamesID)
                    found.append(PlaceMention(range: index..<(index + 2), location: location, rank: 2))
                    index += 2
                    continue
                }
            }
            guard token.isCapitalized || lowercaseText,
                !actorRanges.contains(where: { $0.contains(index) && $0.lowerBound != index })
            else {
                index += 1
                continue
            }
            guard let match = gazetteer.match(tokens, at: index, lowercaseText: lowercaseText) else {
                index += 1
                continue
            }
            if match.length == 1
                && (commonWords.contains(token) || token.key.utf8.count < 3 && !token.isUpperCase)
            {
                index += 1
                continue
            }
            // A person or organisation of the same name wins ("Jordan" the country is kept).
            if let actor = actors.match(tokens, at: index, lowercaseText: lowercaseText),
                actor.length >= match.length,
                actor.entry.kind == .person || actor.entry.kind == .organization
            {
                index += actor.length
                continue
            }
            guard let place = gazetteer.best(match.places, documentCountries: documentCountries) else {
                index += 1
                continue
            }
            let locative = index > 0 && Extractor.locativeWords.contains(tokens[index - 1])
            // A capitalised first word is only a place when it is a well-known one.
            if index == 0, match.length == 1, place.kind == .city, place.population < 100_000 {
                index += 1
                continue
            }
            if place.kind == .city, place.population < 15000, !locative,
                documentCountries[place.country] == nil
            {
                index += match.length
                continue
            }
            var rank: Int
            switch place.kind {
            case .site: rank = 8
            case .city: rank = 6
            case .admin1: rank = 4
            case .country: rank = 1
            }
            if locative { rank += 2 }
            var start = tokens[index].start
            // "12 miles north of Baghdad": the place is a reference point.
            if index >= 2, tokens[index - 1].key == "of", Extractor.directions.contains(tokens[index - 2]) {
                rank -= 3
                var k = index - 3
                if k >= 0, ["miles", "km", "kilometres", "kilometers", "mile"].contains(tokens[k].key) {
                    k -= 1
                    if k >= 0, tokens[k].kind == .number || numbers.words[tokens[k].key] != nil {
                        start = tokens[k].start
                    }
                } else {
                    start = tokens[index - 2].start
                }
            }
            let location = Location(
                text: Extractor.text(text, start, tokens[index + match.length - 1].end), name: place.name,
                country: place.country.isEmpty ? nil : place.country,
                admin1: place.admin1.isEmpty ? nil : place.admin1,
                lat: place.lat, lon: place.lon, precision: place.kind,
                geonamesID: place.geonamesID > 0 ? place.geonamesID : nil)
            found.append(PlaceMention(range: index..<(index + match.length), location: location, rank: rank))
            index += match.length
        }
        return found
    }
}
