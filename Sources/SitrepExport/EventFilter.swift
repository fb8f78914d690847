/// Which events an export or a map keeps: `--since`, `--until` (inclusive, `YYYY-MM-DD`), `--type`
/// (a PLOVER type or an ACLED event type, any case) and `--country` (ISO 3166-1 alpha-2, any case).
/// An empty list keeps every value; a date bound drops events without a date.
public struct EventFilter: Sendable, Equatable {
    public var since: String?
    public var until: String?
    public var types: [String]
    public var countries: [String]

    public init(since: String? = nil, until: String? = nil, types: [String] = [], countries: [String] = []) {
        self.since = since
        self.until = until
        self.types = types.map { $0.lowercased() }
        self.countries = countries.map { $0.uppercased() }
    }

    /// `YYYY-MM-DD` with a plausible month and day; dates compare as text once in that form.
    public static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ (0x30...0x39).contains(bytes[$0]) }) else { return false }
        let month = Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30)
        let day = Int(bytes[8] - 0x30) * 10 + Int(bytes[9] - 0x30)
        return (1...12).contains(month) && (1...31).contains(day)
    }

    public func keeps(_ event: ExportEvent) -> Bool {
        if since != nil || until != nil {
            guard let date = event.date else { return false }
            if let since, date < since { return false }
            if let until, date > until { return false }
        }
        if !types.isEmpty {
            let own = [event.type.lowercased(), event.acled?.eventType.lowercased()].compactMap { $0 }
            guard own.contains(where: types.contains) else { return false }
        }
        if !countries.isEmpty {
            guard let country = event.location?.country?.uppercased(), countries.contains(country) else {
                return false
            }
        }
        return true
    }
}
