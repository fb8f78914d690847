import Foundation

/// One fetch of the sink's consumer turned into rows: events (one per id), mentions (one per event,
/// document and host), what could not be read, and the highest stream sequence covered.
public struct SinkBatch: Sendable, Equatable {
    public struct Message: Sendable, Equatable {
        public var subject: String
        public var payload: [UInt8]
        public var streamSequence: UInt64
        /// When the stream stored it (nanoseconds since 1970), the mention's "ingested at".
        public var storedAtNanoseconds: Int64

        public init(subject: String, payload: [UInt8], streamSequence: UInt64, storedAtNanoseconds: Int64) {
            self.subject = subject
            self.payload = payload
            self.streamSequence = streamSequence
            self.storedAtNanoseconds = storedAtNanoseconds
        }
    }

    public struct Mention: Sendable, Equatable, Codable, Hashable {
        public var eventID: String
        public var documentID: String
        public var host: String
        /// Microseconds since 1970.
        public var ingestedAt: Int64

        enum CodingKeys: String, CodingKey {
            case host
            case eventID = "event_id"
            case documentID = "doc_id"
            case ingestedAt = "ingested_us"
        }
    }

    public struct Rejected: Sendable, Equatable {
        public var streamSequence: UInt64
        public var reason: String
    }

    public var events: [EventRow] = []
    public var mentions: [Mention] = []
    public var rejected: [Rejected] = []
    public var lastSequence: UInt64 = 0

    public init(messages: [Message], subjectPrefix: String) {
        var seenEvents: Set<String> = []
        var seenMentions: Set<String> = []
        for message in messages {
            lastSequence = max(lastSequence, message.streamSequence)
            guard message.subject.hasPrefix(subjectPrefix + "."),
                case let host = String(message.subject.dropFirst(subjectPrefix.count + 1)),
                ScaleoutConfiguration.isToken(host)
            else {
                rejected.append(Rejected(streamSequence: message.streamSequence, reason: "subject '\(message.subject)'"))
                continue
            }
            let row: EventRow
            do {
                row = try EventRow(line: message.payload)
            } catch {
                rejected.append(Rejected(streamSequence: message.streamSequence, reason: error.description))
                continue
            }
            if seenEvents.insert(row.id).inserted { events.append(row) }
            let mentionKey = "\(row.id)\u{0}\(row.documentID)\u{0}\(host)"
            if seenMentions.insert(mentionKey).inserted {
                mentions.append(
                    Mention(
                        eventID: row.id, documentID: row.documentID, host: host,
                        ingestedAt: message.storedAtNanoseconds / 1000))
            }
        }
    }

    /// The rows as JSON arrays, for `jsonb_to_recordset` (one statement per table per batch).
    public func eventsJSON() -> String { Self.json(events) }
    public func mentionsJSON() -> String { Self.json(mentions) }

    private static func json<T: Encodable>(_ rows: [T]) -> String {
        // Encoding plain strings and numbers cannot fail.
        let data = (try? JSONEncoder().encode(rows)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
