import Foundation

/// Country outlines to draw under the dots: rings of (longitude, latitude), from the committed
/// `countries.tsv` (Natural Earth, public domain; made by scripts/make-country-outlines).
public struct CountryOutlines: Sendable {
    public struct Ring: Sendable, Equatable {
        public var country: String
        /// Longitude, latitude pairs, in degrees.
        public var points: [(lon: Double, lat: Double)]
        public var west: Double
        public var east: Double
        public var south: Double
        public var north: Double

        public static func == (a: Ring, b: Ring) -> Bool {
            a.country == b.country && a.points.count == b.points.count
                && zip(a.points, b.points).allSatisfy { $0.lon == $1.lon && $0.lat == $1.lat }
        }
    }

    public var rings: [Ring]

    public init(rings: [Ring]) {
        self.rings = rings
    }

    /// Parses the TSV: `#` comments, then `code TAB name TAB ring`, the ring as space-separated
    /// `lon,lat` pairs in hundredths of a degree. A malformed line is an error naming its number.
    public static func parse(_ text: String) throws(MapDataError) -> CountryOutlines {
        var rings: [Ring] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { throw MapDataError(line: number, reason: "expected 3 fields") }
            var points: [(lon: Double, lat: Double)] = []
            for pair in fields[2].split(separator: " ") {
                let parts = pair.split(separator: ",")
                guard parts.count == 2, let lon = Int(parts[0]), let lat = Int(parts[1]),
                    abs(lon) <= 18000, abs(lat) <= 9000
                else { throw MapDataError(line: number, reason: "bad point '\(pair)'") }
                points.append((Double(lon) / 100, Double(lat) / 100))
            }
            guard points.count >= 3 else { throw MapDataError(line: number, reason: "fewer than 3 points") }
            rings.append(
                Ring(
                    country: String(fields[0]), points: points, west: points.map(\.lon).min()!,
                    east: points.map(\.lon).max()!, south: points.map(\.lat).min()!,
                    north: points.map(\.lat).max()!))
        }
        return CountryOutlines(rings: rings)
    }

    /// The outlines built into sitrep.
    public static func builtIn() throws(MapDataError) -> CountryOutlines {
        guard
            let url = Bundle.module.url(forResource: "Resources/countries", withExtension: "tsv")
                ?? Bundle.module.url(forResource: "countries", withExtension: "tsv"),
            let data = try? Data(contentsOf: url)
        else { throw MapDataError(line: 0, reason: "built-in countries.tsv is missing") }
        return try parse(String(decoding: data, as: UTF8.self))
    }
}
