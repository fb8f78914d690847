import Foundation

/// Places with coordinates (GeoNames cities and countries, plus named sites), looked up by name.
///
/// Built for a hundred thousand places and twice as many names: the rows are read as bytes, a name
/// is a key in one byte array, and the places of a name are a chain of indexes rather than an array
/// of their own.
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

    /// The places of one name, in the order they were added: a chain through `candidates`.
    struct Candidates: Sendable {
        fileprivate var first: Int32
        fileprivate var last: Int32
    }

    private(set) var places: [Place] = []
    /// Name -> its places.
    private var names = PhraseTable<Candidates>()
    /// Links of the chains: a place and the next link (-1 at the end).
    private var candidates: [(place: Int32, next: Int32)] = []
    /// ISO2 -> index of the country's place.
    private(set) var countries: [String: Int] = [:]

    /// Adds the rows of a gazetteer file (see docs/data.md for its columns); `table` names it in errors.
    mutating func add(text: String, table: String) throws(DataError) {
        try TSVScanner.withBytes(of: text) { bytes throws(DataError) in
            // Most places have one or two other names besides their own.
            let rows = bytes.count / 64
            names.reserveCapacity(rows * 2)
            places.reserveCapacity(places.count + rows)
            candidates.reserveCapacity(candidates.count + rows * 2)
            var joined: [UInt8] = []
            try TSVScanner.forEachRow(bytes) { line, columns throws(DataError) in
                guard columns.count >= 8 else {
                    throw DataError(
                        .malformedRow, context: "\(table):\(line)",
                        "expected at least 8 tab-separated columns, found \(columns.count)")
                }
                func column(_ index: Int) -> String {
                    index < columns.count
                        ? String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[columns[index]]), as: UTF8.self)
                        : ""
                }
                guard let id = Int(column(0)), let lat = Double(column(4)), let lon = Double(column(5)) else {
                    throw DataError(
                        .badValue, context: "\(table):\(line)", "geonames_id, lat and lon must be numbers")
                }
                let kind = Location.Precision(rawValue: column(7)) ?? .city
                let place = Place(
                    geonamesID: id, name: column(1), country: column(2), admin1: column(3), lat: lat,
                    lon: lon,
                    population: Int(column(6)) ?? 0, kind: kind)
                let index = Int32(places.count)
                places.append(place)
                if kind == .country { countries[place.country] = Int(index) }
                addName(UnsafeBufferPointer(rebasing: bytes[columns[1]]), index, into: &joined)
                guard columns.count > 8 else { return }
                var start = columns[8].lowerBound
                let end = columns[8].upperBound
                while start < end {
                    var stop = start
                    while stop < end && bytes[stop] != 0x7C { stop += 1 }
                    var a = start
                    var b = stop
                    while a < b && bytes[a] == 0x20 { a += 1 }
                    while b > a && bytes[b - 1] == 0x20 { b -= 1 }
                    if a < b { addName(UnsafeBufferPointer(rebasing: bytes[a..<b]), index, into: &joined) }
                    start = stop + 1
                }
            }
        }
    }

    /// Adds a name of place `index`. A name given twice for one place (differing only in case or
    /// accents) is kept once.
    private mutating func addName(
        _ name: UnsafeBufferPointer<UInt8>, _ index: Int32, into joined: inout [UInt8]
    ) {
        let count = PhraseTable<Candidates>.keyBytes(of: name, into: &joined)
        guard count > 0 else { return }
        append(index, joined: joined, count: count)
    }

    /// Puts place `index` at the end of a name's chain, unless it is there already as the last.
    private mutating func append(_ index: Int32, joined: [UInt8], count: Int) {
        let link = Int32(candidates.count)
        var list = Candidates(first: link, last: link)
        if let known = names.value(joined: joined) {
            if candidates[Int(known.last)].place == index { return }
            candidates[Int(known.last)].next = link
            list.first = known.first
        }
        names.update(joined: joined, count: count) { _ in list }
        candidates.append((index, -1))
    }

    /// Extra names for a country (from countries.tsv).
    mutating func addCountryName(_ name: String, iso2: String) {
        guard let index = countries[iso2].map(Int32.init) else { return }
        var joined: [UInt8] = []
        let count = PhraseTable<Candidates>.keyBytes(of: name.utf8, into: &joined)
        guard count > 0 else { return }
        if let known = names.value(joined: joined).map(indexes) {
            // A capital named for its government ("Khartoum" for Sudan) is still the city where things
            // happen.
            if known.contains(where: { places[Int($0)].country == iso2 && places[Int($0)].kind == .city }) {
                return
            }
            if known.contains(index) { return }
        }
        append(index, joined: joined, count: count)
    }

    func country(_ iso2: String) -> Place? { countries[iso2].map { places[$0] } }

    func match(_ tokens: [Token], at index: Int, lowercaseText: Bool = false) -> (
        length: Int, places: Candidates
    )? {
        names.match(tokens, at: index, capitalizedOnly: !lowercaseText).map { ($0.length, $0.value) }
    }

    /// The indexes into `places` of a name's places, in the order they were added.
    func indexes(_ list: Candidates) -> [Int32] {
        var result: [Int32] = []
        var link = list.first
        while link >= 0 {
            result.append(candidates[Int(link)].place)
            link = candidates[Int(link)].next
        }
        return result
    }

    /// The likeliest place among same-named candidates: one in a country the document is about,
    /// then the most specific kind, then the most populous.
    func best(_ list: Candidates, documentCountries: [String: Int]) -> Place? {
        var best: Place?
        var bestScore = -Double.infinity
        var link = list.first
        while link >= 0 {
            let place = places[Int(candidates[Int(link)].place)]
            link = candidates[Int(link)].next
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
