import Foundation

/// The typed columns of one event record (docs/event-schema.md), read from its log line.
public struct EventRow: Sendable, Equatable, Codable {
    public var id: String
    public var documentID: String
    public var type: String
    public var acledType: String?
    public var acledSubType: String?
    public var date: String?
    public var country: String?
    public var killed: Int?
    public var injured: Int?
    public var latitude: Double?
    public var longitude: Double?
    /// The whole line, stored as `jsonb`.
    public var record: String

    enum CodingKeys: String, CodingKey {
        case id, type, date, country, killed, injured, record
        case documentID = "doc_id"
        case acledType = "acled_event_type"
        case acledSubType = "acled_sub_event_type"
        case latitude = "lat"
        case longitude = "lon"
    }

    private struct Record: Decodable {
        struct Doc: Decodable { var id: String }
        struct Acled: Decodable {
            var event_type: String?
            var sub_event_type: String?
        }
        struct Location: Decodable {
            var country: String?
            var lat: Double?
            var lon: Double?
        }
        var schema: String
        var id: String
        var doc: Doc
        var type: String
        var acled: Acled?
        var date: String?
        var location: Location?
        var killed: Int?
        var injured: Int?
    }

    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case notAnEvent(String)
        case badField(String)

        public var description: String {
            switch self {
            case .notAnEvent(let why): "not an event record: \(why)"
            case .badField(let why): "bad field: \(why)"
            }
        }
    }

    /// Reads one event log line (without its newline).
    public init(line: [UInt8]) throws(Refusal) {
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: Data(line))
        } catch {
            throw .notAnEvent("\(error)".prefix(200).description)
        }
        guard record.schema.hasPrefix("sitrep.event/") else { throw .notAnEvent("schema '\(record.schema)'") }
        guard !record.id.isEmpty, !record.doc.id.isEmpty else { throw .notAnEvent("empty id") }
        if let date = record.date, !Self.isDate(date) { throw .badField("date '\(date)'") }
        id = record.id
        documentID = record.doc.id
        type = record.type
        acledType = record.acled?.event_type
        acledSubType = record.acled?.sub_event_type
        date = record.date
        country = record.location?.country
        killed = record.killed.map { max(0, $0) }
        injured = record.injured.map { max(0, $0) }
        if let lat = record.location?.lat, let lon = record.location?.lon, (-90...90).contains(lat),
            (-180...180).contains(lon)
        {
            latitude = lat
            longitude = lon
        }
        self.record = String(decoding: line, as: UTF8.self)
    }

    /// `YYYY-MM-DD`, so that the `date` column's cast cannot fail inside a batch.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        let digits = bytes[0..<4] + bytes[5..<7] + bytes[8..<10]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)) ?? 0
        let day = Int(String(decoding: bytes[8..<10], as: UTF8.self)) ?? 0
        let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)) ?? 0
        guard (1...12).contains(month), day >= 1, year >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
