/// A place name read in a sentence, with what is needed to read it again as another candidate.
struct NamedPlace: Sendable {
    var range: Range<Int>
    var start = 0
    var locative = false
    var referencePoint = false
    var candidates: Gazetteer.Candidates?
    /// The one country all its candidates are in; nil when they are in several.
    var country: String?
    /// The place read is named by its own name, not an alternate one.
    var isOwnName = true
    /// The population of the place read.
    var population = 0
    /// The place read is its country's capital, named for its government ("backed by Ankara").
    var isCapital = false

    init(range: Range<Int>, country: String?) {
        self.range = range
        self.country = country
    }

    init(
        range: Range<Int>, start: Int, locative: Bool, referencePoint: Bool, candidates: Gazetteer.Candidates,
        country: String?, isOwnName: Bool
    ) {
        self.isOwnName = isOwnName
        self.range = range
        self.start = start
        self.locative = locative
        self.referencePoint = referencePoint
        self.candidates = candidates
        self.country = country
    }

    /// The mention of `place` under this name, ranked as the event's location.
    func append(_ place: Gazetteer.Place, to found: inout [PlaceMention], text: [UInt8], tokens: [Token]) {
        var rank: Int
        switch place.kind {
        case .site: rank = 8
        case .city: rank = 6
        case .admin1: rank = 4
        case .country: rank = 1
        }
        if locative { rank += 2 }
        if referencePoint { rank -= 3 }
        let location = Location(
            text: Extractor.text(text, start, tokens[range.upperBound - 1].end), name: place.name,
            country: place.country.isEmpty ? nil : place.country,
            admin1: place.admin1.isEmpty ? nil : place.admin1,
            lat: place.lat, lon: place.lon, precision: place.kind,
            geonamesID: place.geonamesID > 0 ? place.geonamesID : nil)
        found.append(PlaceMention(range: range, location: location, rank: rank))
    }
}
