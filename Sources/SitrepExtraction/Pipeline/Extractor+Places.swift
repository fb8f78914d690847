extension Extractor {
    static let locativeWords: WordSet = [
        "in", "at", "near", "outside", "around", "into", "across", "from", "of", "to", "towards", "toward",
        "inside", "on", "nearby", "between", "through", "throughout", "within", "off",
    ]
    /// What a capital does when it stands for its government: "Moscow denied", "Washington's".
    static let governmentVerbs: WordSet = [
        "'s", "said", "says", "denied", "denies", "accused", "accuses", "claimed", "claims", "announced",
        "warned", "warns", "backed", "insisted", "rejected", "demanded", "responded", "condemned",
    ]

    /// Words that say a name is a region's: "Borno State", "Helmand Province".
    static let regionWords: WordSet = [
        "state", "province", "region", "governorate", "district", "department", "county", "oblast",
        "prefecture", "territory", "division",
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
        // The gazetteer names among `found` (the border phrases are not), for a second look below.
        var names: [NamedPlace] = []
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
                    names.append(NamedPlace(range: index..<(index + 2), country: first.country))
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
            guard
                let (place, isOwnName) = gazetteer.bestCandidate(
                    match.places, documentCountries: documentCountries)
            else {
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
            // "the Red Sea Coast", "Delta Air Lines": a region's name at the start of a longer name.
            let after = index + match.length
            if place.kind == .admin1, after < tokens.count, tokens[after].kind == .word,
                tokens[after].isCapitalized, !Extractor.regionWords.contains(tokens[after])
            {
                index += match.length
                continue
            }
            // "Somali troops": a region named like a people is meant only as "the Somali Region".
            if place.kind == .admin1,
                after >= tokens.count || !Extractor.regionWords.contains(tokens[after]),
                let actor = actors.match(tokens, at: index, lowercaseText: lowercaseText),
                actor.entry.kind == .demonym
            {
                index += match.length
                continue
            }
            var start = tokens[index].start
            var referencePoint = false
            // "12 miles north of Baghdad": the place is a reference point.
            if index >= 2, tokens[index - 1].key == "of", Extractor.directions.contains(tokens[index - 2]) {
                referencePoint = true
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
            var named = NamedPlace(
                range: index..<(index + match.length), start: start, locative: locative,
                referencePoint: referencePoint, candidates: match.places,
                country: gazetteer.country(of: match.places), isOwnName: isOwnName)
            named.population = place.population
            // "backed by Ankara", "Moscow denied": a capital that names its government.
            named.isCapital =
                gazetteer.isCapital(place)
                && (index > 0 && tokens[index - 1].key == "by"
                    || after < tokens.count && Extractor.governmentVerbs.contains(tokens[after]))
            named.append(place, to: &found, text: text, tokens: tokens)
            names.append(named)
            index += match.length
        }
        // "near Boni (Hombori, Mopti)": a name that several countries have is read in the country of
        // the places around it that only one country has. Named there only by an alternate name of a
        // place elsewhere ("Boni" for Bonn), it gives way to them.
        var around: [String: Int] = [:]
        // A capital that names its government is left out.
        for named in names where named.isOwnName && !named.isCapital {
            if let country = named.country { around[country, default: 0] += 1 }
        }
        if !around.isEmpty {
            var countries = documentCountries
            for (country, count) in around { countries[country, default: 0] += count }
            for k in names.indices {
                // A country or region read is kept: only towns and sites share their names widely.
                guard let country = found[k].location.country, around[country] == nil,
                    let candidates = names[k].candidates,
                    found[k].location.precision == .city || found[k].location.precision == .site
                else { continue }
                // Read again only to a place named by its own name: an alternate name in a country
                // named nearby is no better a reading than the place first chosen.
                if names[k].country == nil,
                    let (place, isOwnName) = gazetteer.bestCandidate(
                        candidates, documentCountries: countries),
                    isOwnName, around[place.country] != nil
                {
                    names[k].isOwnName = isOwnName
                    names[k].population = place.population
                    var replaced: [PlaceMention] = []
                    names[k].append(place, to: &replaced, text: text, tokens: tokens)
                    found[k] = replaced[0]
                }
                if !names[k].isOwnName, let country = found[k].location.country, around[country] == nil,
                    found[k].location.precision == .city || found[k].location.precision == .site
                {
                    found[k].rank -= 4
                }
            }
            // "the village of Solhan (Yagha, Sahel)": a small town abroad, when the other places
            // named with it are all in one other country, is more likely a namesake the gazetteer
            // lacks; it gives way to them.
            for k in names.indices where found[k].location.precision == .city && names[k].population < 100_000
            {
                guard let country = found[k].location.country else { continue }
                let own = names[k].isOwnName && !names[k].isCapital && names[k].country == country ? 1 : 0
                let elsewhere = around.filter { $0.key != country && $0.value > 0 }
                if (around[country] ?? 0) - own == 0, elsewhere.count == 1 { found[k].rank -= 5 }
            }
        }
        return found
    }
}
