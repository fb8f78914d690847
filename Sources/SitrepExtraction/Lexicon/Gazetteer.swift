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

    /// A place as stored: its name in `nameBytes`, its country and admin1 codes in `codes`, so a
    /// place costs no allocation of its own.
    private struct Record: Sendable {
        var geonamesID: Int
        var lat: Double
        var lon: Double
        var population: UInt32
        /// log10(population) / 2, the population's part of a candidate's score, computed once.
        var populationScore: Double
        var nameStart: UInt32
        var nameLength: UInt32
        var country: UInt32
        var admin1: UInt32
        var kind: Location.Precision
    }

    private var records: [Record] = []
    private var nameBytes: [UInt8] = []
    /// Distinct country and admin1 codes.
    private var codes: [String] = []
    /// The same codes by their bytes, in the order of `codes`.
    private var codeTable = KeyTable()
    /// Name -> its places.
    private var names = PhraseTable<Candidates>()
    /// Links of the chains: a place and the next link (-1 at the end).
    private var candidates: [(place: Int32, next: Int32)] = []
    /// Per link: the name is the place's own (or a curated country name), not one of its alternate names.
    private var isOwnName: [Bool] = []
    /// ISO2 -> index of the country's place.
    private(set) var countries: [String: Int] = [:]

    /// Adds the rows of a gazetteer file (see docs/data.md for its columns); `table` names it in errors.
    mutating func add(text: String, table: String) throws(DataError) {
        try TSVScanner.withBytes(of: text) { bytes throws(DataError) in
            // Most places have one or two other names besides their own.
            let rows = bytes.count / 64
            names.reserveCapacity(rows * 2)
            records.reserveCapacity(records.count + rows)
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
                func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[columns[index]])
                }
                // Numbers and codes are read from the bytes: a hundred thousand rows, eight columns each.
                guard let id = NumberText.integer(field(0)) ?? Int(column(0)),
                    let lat = NumberText.decimal(field(4)) ?? Double(column(4)),
                    let lon = NumberText.decimal(field(5)) ?? Double(column(5))
                else {
                    throw DataError(
                        .badValue, context: "\(table):\(line)", "geonames_id, lat and lon must be numbers")
                }
                let kind = Gazetteer.kind(field(7)) ?? Location.Precision(rawValue: column(7)) ?? .city
                let index = Int32(records.count)
                let name = columns[1]
                let population = UInt32(clamping: max(0, NumberText.integer(field(6)) ?? Int(column(6)) ?? 0))
                records.append(
                    Record(
                        geonamesID: id, lat: lat, lon: lon, population: population,
                        populationScore: log10(Double(max(Int(population), 1))) / 2,
                        nameStart: UInt32(nameBytes.count), nameLength: UInt32(name.count),
                        country: code(field(2)), admin1: code(field(3)), kind: kind))
                nameBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[name]))
                if kind == .country { countries[column(2)] = Int(index) }
                addName(UnsafeBufferPointer(rebasing: bytes[columns[1]]), index, own: true, into: &joined)
                // The own name's letters: an alternate name spelled with the same letters ("Afrin" for
                // "‘Afrīn") is the own name written without its marks.
                let ownLetters = joined
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
                    if a < b {
                        addName(
                            UnsafeBufferPointer(rebasing: bytes[a..<b]), index, own: nil,
                            ownLetters: ownLetters,
                            into: &joined)
                    }
                    start = stop + 1
                }
            }
        }
    }

    private mutating func code(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = KeyHash.of(bytes)
        if let known = codeTable.index(hash: hash, bytes: bytes) { return UInt32(known) }
        let text = String(decoding: bytes, as: UTF8.self)
        let index = UInt32(codes.count)
        codeTable.insert(hash: hash, bytes: bytes)
        codes.append(text)
        return index
    }

    /// The number of places.
    var count: Int { records.count }

    /// Place `index` (as the name lookups give them).
    func place(_ index: Int) -> Place {
        let record = records[index]
        let start = Int(record.nameStart)
        return Place(
            geonamesID: record.geonamesID,
            name: String(decoding: nameBytes[start..<(start + Int(record.nameLength))], as: UTF8.self),
            country: codes[Int(record.country)], admin1: codes[Int(record.admin1)], lat: record.lat,
            lon: record.lon, population: Int(record.population), kind: record.kind)
    }

    /// The countries, in the order they were added.
    var countryPlaces: [Place] {
        records.indices.filter { records[$0].kind == .country }.map(place)
    }

    /// Gives back the room reserved while loading: the tables stay as they are for the process's life.
    mutating func shrinkToFit() {
        records = records.withUnsafeBufferPointer { Array($0) }
        nameBytes = nameBytes.withUnsafeBufferPointer { Array($0) }
        candidates = candidates.withUnsafeBufferPointer { Array($0) }
        isOwnName = isOwnName.withUnsafeBufferPointer { Array($0) }
        names.shrinkToFit()
    }

    /// Adds a name of place `index`. A name given twice for one place (differing only in case or
    /// accents) is kept once.
    /// `own`: whether it is the place's own name; nil to tell from `ownLetters`.
    private mutating func addName(
        _ name: UnsafeBufferPointer<UInt8>, _ index: Int32, own: Bool?, ownLetters: [UInt8] = [],
        into joined: inout [UInt8]
    ) {
        let count = PhraseTable<Candidates>.keyBytes(of: name, into: &joined)
        guard count > 0 else { return }
        append(index, own: own ?? Gazetteer.sameLetters(joined, ownLetters), joined: joined, count: count)
    }

    /// Whether two keys have the same letters and digits, spaces, hyphens and apostrophes aside.
    static func sameLetters(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool {
            byte >= 0x80 || Tokenizer.isASCIILetter(byte) || Tokenizer.isDigit(byte)
        }
        var i = 0
        var j = 0
        while true {
            while i < a.count && !isLetter(a[i]) { i += 1 }
            while j < b.count && !isLetter(b[j]) { j += 1 }
            if i == a.count || j == b.count { return i == a.count && j == b.count }
            if a[i] != b[j] { return false }
            i += 1
            j += 1
        }
    }

    /// The kind column, read from its bytes.
    static func kind(_ bytes: UnsafeBufferPointer<UInt8>) -> Location.Precision? {
        if bytes.elementsEqual("city".utf8) { return .city }
        if bytes.elementsEqual("country".utf8) { return .country }
        if bytes.elementsEqual("admin1".utf8) { return .admin1 }
        if bytes.elementsEqual("site".utf8) { return .site }
        return nil
    }

    /// Puts place `index` at the end of a name's chain, unless it is there already as the last.
    private mutating func append(_ index: Int32, own: Bool, joined: [UInt8], count: Int) {
        let link = Int32(candidates.count)
        var list = Candidates(first: link, last: link)
        if let known = names.value(joined: joined) {
            if candidates[Int(known.last)].place == index { return }
            candidates[Int(known.last)].next = link
            list.first = known.first
        }
        names.update(joined: joined, count: count) { _ in list }
        candidates.append((index, -1))
        isOwnName.append(own)
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
            if known.contains(where: {
                codes[Int(records[Int($0)].country)] == iso2 && records[Int($0)].kind == .city
            }) {
                return
            }
            if known.contains(index) { return }
        }
        append(index, own: true, joined: joined, count: count)
    }

    func country(_ iso2: String) -> Place? { countries[iso2].map(place) }

    /// A city at its country's coordinates: the gazetteer places a country at its capital.
    func isCapital(_ place: Place) -> Bool {
        guard place.kind == .city, let index = countries[place.country] else { return false }
        return records[index].lat == place.lat && records[index].lon == place.lon
    }

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

    /// The one country all of a name's places are in; nil when they are in several.
    func country(of list: Candidates) -> String? {
        let first = records[Int(candidates[Int(list.first)].place)].country
        var link = candidates[Int(list.first)].next
        while link >= 0 {
            if records[Int(candidates[Int(link)].place)].country != first { return nil }
            link = candidates[Int(link)].next
        }
        return codes[Int(first)]
    }

    /// The likeliest place among same-named candidates: one in a country the document is about,
    /// then the most specific kind, then the most populous.
    func best(_ list: Candidates, documentCountries: [String: Int]) -> Place? {
        bestCandidate(list, documentCountries: documentCountries)?.place
    }

    /// `best(_:documentCountries:)`, with whether the name is the place's own rather than one of its
    /// alternate names (a weaker sign that the text means that place).
    func bestCandidate(_ list: Candidates, documentCountries: [String: Int]) -> (
        place: Place, isOwnName: Bool
    )? {
        var best = -1
        var bestLink = -1
        var bestScore = -Double.infinity
        // The document's countries by code: a handful, compared without hashing a string per candidate.
        let weights = documentCountries.compactMap { country, count in
            codeTable.index(hash: KeyHash.of(country), word: country).map {
                (code: UInt32($0), weight: Double(count) * 4)
            }
        }
        var link = list.first
        while link >= 0 {
            let index = Int(candidates[Int(link)].place)
            let record = records[index]
            var score = 0.0
            for weight in weights where weight.code == record.country { score = weight.weight }
            switch record.kind {
            case .site: score += 3
            case .country: score += 2
            case .admin1: score += 1.5
            case .city: break
            }
            score += record.populationScore
            if score > bestScore {
                bestScore = score
                best = index
                bestLink = Int(link)
            }
            link = candidates[Int(link)].next
        }
        return best >= 0 ? (place(best), isOwnName[bestLink]) : nil
    }
}
