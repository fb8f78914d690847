/// CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
/// break) with ACLED's export column names where ACLED has the field, so ACLED tooling reads it.
///
/// `country` holds the ISO 3166-1 alpha-2 code (the record has no country name); `source` is the
/// document title and URL; `notes` the sentence the event was read from. Columns ACLED lacks come
/// after ACLED's: `plover_type`, `injured`, `event_id`.
public enum CSVFormat {
    public static let columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
        "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
        "source", "notes", "fatalities", "plover_type", "injured",
    ]

    public static var header: String { columns.joined(separator: ",") + "\r\n" }

    public static func row(_ event: ExportEvent) -> String {
        let coordinates = event.coordinates
        let date = event.date ?? ""
        let year = date.count >= 4 ? String(date.prefix(4)) : ""
        let sourceParts = [event.doc?.title, event.doc?.url].compactMap { $0 }.filter { !$0.isEmpty }
        let fields: [String] = [
            text(event.id), text(date), year, timePrecision(event.datePrecision),
            text(event.acled?.eventType ?? ""), text(event.acled?.subEventType ?? ""),
            text(event.actor1), text(event.actor2),
            text(event.location?.country ?? ""), text(event.location?.admin1 ?? ""),
            text(event.location?.name ?? event.location?.text ?? ""),
            coordinates.map { number($0.lat) } ?? "", coordinates.map { number($0.lon) } ?? "",
            geoPrecision(event.location?.precision),
            text(sourceParts.joined(separator: " ")), text(event.sentence ?? ""),
            event.killed.map(String.init) ?? "0", text(event.type), event.injured.map(String.init) ?? "",
        ]
        return fields.joined(separator: ",") + "\r\n"
    }

    /// A text cell, quoted when needed. A cell a spreadsheet would run as a formula (starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return) gets a leading apostrophe, the usual defence
    /// against CSV injection: text in news articles is not trusted.
    public static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        // Scalars, not Characters: "\r\n" is one Character and equals neither "\r" nor "\n".
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return value }
        return "\"" + value.replacingQuotes + "\""
    }

    /// Degrees with at most five decimals (about a metre), never in exponent form.
    static func number(_ value: Double) -> String {
        let scaled = (value * 100_000).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / 100_000
        var fraction = String(magnitude % 100_000)
        while fraction.count < 5 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative && magnitude != 0 ? "-" : "") + "\(whole)" + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// ACLED's time_precision: 1 the day is known, 2 the week, 3 the month (or coarser).
    static func timePrecision(_ precision: String?) -> String {
        switch precision {
        case "day": "1"
        case "week": "2"
        case "month", "year": "3"
        default: ""
        }
    }

    /// ACLED's geo_precision: 1 the place itself, 2 near it or its district, 3 a larger region.
    static func geoPrecision(_ precision: String?) -> String {
        switch precision {
        case "site", "city": "1"
        case "admin1": "2"
        case "country": "3"
        default: ""
        }
    }
}

extension String {
    fileprivate var replacingQuotes: String {
        var result = ""
        result.reserveCapacity(count + 2)
        for character in self {
            if character == "\"" { result.append("\"") }
            result.append(character)
        }
        return result
    }
}
