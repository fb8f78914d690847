import Foundation

/// The fields of an event-log record (docs/event-schema.md) that exports and maps show. Unknown
/// fields are ignored and every field but `id` and `type` may be absent, as the schema allows.
public struct ExportEvent: Sendable, Equatable, Decodable {
    public struct Actor: Sendable, Equatable, Decodable {
        public var text: String?
        public var name: String?
        public var country: String?

        public init(text: String? = nil, name: String? = nil, country: String? = nil) {
            self.text = text
            self.name = name
            self.country = country
        }

        /// The canonical name where known, else the text as written.
        public var label: String { name ?? text ?? "" }
    }

    public struct Location: Sendable, Equatable, Decodable {
        public var text: String?
        public var name: String?
        public var country: String?
        public var admin1: String?
        public var lat: Double?
        public var lon: Double?
        public var precision: String?

        public init(
            text: String? = nil, name: String? = nil, country: String? = nil, admin1: String? = nil,
            lat: Double? = nil, lon: Double? = nil, precision: String? = nil
        ) {
            self.text = text
            self.name = name
            self.country = country
            self.admin1 = admin1
            self.lat = lat
            self.lon = lon
            self.precision = precision
        }
    }

    public struct ACLED: Sendable, Equatable, Decodable {
        public var eventType: String
        public var subEventType: String?

        enum CodingKeys: String, CodingKey {
            case eventType = "event_type"
            case subEventType = "sub_event_type"
        }

        public init(eventType: String, subEventType: String? = nil) {
            self.eventType = eventType
            self.subEventType = subEventType
        }
    }

    public struct Source: Sendable, Equatable, Decodable {
        public var id: String?
        public var path: String?
        public var title: String?
        public var url: String?
        public var published: String?

        public init(
            id: String? = nil, path: String? = nil, title: String? = nil, url: String? = nil,
            published: String? = nil
        ) {
            self.id = id
            self.path = path
            self.title = title
            self.url = url
            self.published = published
        }
    }

    public var id: String
    public var type: String
    public var mode: String?
    public var acled: ACLED?
    public var date: String?
    public var datePrecision: String?
    public var source: [Actor]?
    public var target: [Actor]?
    public var location: Location?
    public var killed: Int?
    public var injured: Int?
    public var sentence: String?
    public var doc: Source?

    enum CodingKeys: String, CodingKey {
        case id, type, mode, acled, date, source, target, location, killed, injured, sentence, doc
        case datePrecision = "date_precision"
    }

    public init(
        id: String, type: String, mode: String? = nil, acled: ACLED? = nil, date: String? = nil,
        datePrecision: String? = nil, source: [Actor]? = nil, target: [Actor]? = nil,
        location: Location? = nil, killed: Int? = nil, injured: Int? = nil, sentence: String? = nil,
        doc: Source? = nil
    ) {
        self.id = id
        self.type = type
        self.mode = mode
        self.acled = acled
        self.date = date
        self.datePrecision = datePrecision
        self.source = source
        self.target = target
        self.location = location
        self.killed = killed
        self.injured = injured
        self.sentence = sentence
        self.doc = doc
    }

    /// The record of one log line, or nil for a line that is not an event record (a reader of a log
    /// being written may see a torn last line; it is skipped and counted, not fatal).
    public static func decode(line: some Collection<UInt8>) -> ExportEvent? {
        try? JSONDecoder().decode(ExportEvent.self, from: Data(line))
    }

    /// Latitude and longitude, when both are known and on the globe.
    public var coordinates: (lat: Double, lon: Double)? {
        guard let lat = location?.lat, let lon = location?.lon, lat.isFinite, lon.isFinite,
            (-90...90).contains(lat), (-180...180).contains(lon)
        else { return nil }
        return (lat, lon)
    }

    /// The first actors on each side, as ACLED's actor1 and actor2.
    public var actor1: String { source?.first?.label ?? "" }
    public var actor2: String { target?.first?.label ?? "" }
}
