import Foundation

/// Places with coordinates (GeoNames cities and countries, plus named sites), looked up by name.
struct Gazetteer: Sendable {
    struct Place: Sendable, Equatable {
        var geonamesID: Int
        var name: String
        var country: String
        var admin1: String
        var lat: Double
        var lon: Double
        var population: Int
        var kind: Location.Precision
    }

    private(set) var places: [Place] = []
    /// Phrase -> indexes into `places`.
    private(set) var names = PhraseTable<[Int32]>()
    /// ISO2 -> index of the country's place.
    private(set) var countries: [String: Int] = [:]

    mutating func add(_ rows: [DataTable.Row], table: String) throws(DataError) {
        // Most places have one or two other names besides their own.
        names.reserveCapacity(rows.count * 2)
        places.reserveCapacity(places.count + rows.count)
        for row in rows {
            guard let id = Int(row.column(0)), let lat = Double(row.column(4)),
                let lon = Double(row.column(5))
            else {
                throw DataError(
                    .badValue, context: "\(table):\(row.line)", "geonames_id, lat and lon must be numbers")
            }
            let kind = Location.Precision(rawValue: row.column(7)) ?? .city
            let place = Place(
                geonamesID: id, name: row.column(1), country: row.column(2), admin1: row.column(3), lat: lat,
                lon: lon,
                population: Int(row.column(6)) ?? 0, kind: kind)
            let index = Int32(places.count)
            places.append(place)
            if kind == .country { countries[place.country] = Int(index) }
            if let key = PhraseTable<[Int32]>.key(of: place.name) { names.append(key: key, index) }
            for name in row.column(8).alternatives {
                // A name given twice for one place (differing only in case or accents) is kept once.
                guard let key = PhraseTable<[Int32]>.key(of: name),
                    names.value(forKey: key.joined)?.last != index
                else { continue }
                names.append(key: key, index)
            }
        }
    }

    /// Extra names for a country (from countries.tsv).
    mutating func addCountryName(_ name: String, iso2: String) {
        guard let index = countries[iso2] else { return }
        // A capital named for its government ("Khartoum" for Sudan) is still the city where things happen.
        if let key = PhraseTable<[Int32]>.key(of: name), let known = names.value(forKey: key.joined),
            known.contains(where: { places[Int($0)].country == iso2 && places[Int($0)].kind == .city })
        {
            return
        }
        names.insert(name, [Int32(index)]) { old, new in old.contains(new[0]) ? old : old + new }
    }

    func country(_ iso2: String) -> Place? { countries[iso2].map { places[$0] } }

    func match(_ tokens: [Token], at index: Int, lowercaseText: Bool = false) -> (
        length: Int, places: [Int32]
    )? {
        names.match(tokens, at: index, capitalizedOnly: !lowercaseText).map { ($0.length, $0.value) }
    }

    /// The likeliest place among same-named candidates: one in a country the document is about,
    /// then the most specific kind, then the most populous.
    func best(_ candidates: [Int32], documentCountries: [String: Int]) -> Place? {
        var best: Place?
        var bestScore = -Double.infinity
        for candidate in candidates {
            let place = places[Int(candidate)]
            var score = Double(documentCountries[place.country] ?? 0) * 4
            switch place.kind {
            case .site: score += 3
            case .country: score += 2
            case .admin1: score += 1.5
            case .city: break
            }
            score += log10(Double(max(place.population, 1))) / 2
            if score > bestScore {
                bestScore = score
                best = place
            }
        }
        return best
    }
}
