/// The `Nats-Msg-Id` of one shipped line: host, event id and document id. The event id alone is the
/// same for the same article on two hosts, and JetStream would drop the second copy as a duplicate;
/// with the host and document in the key each copy arrives, and the sink keeps one event with a
/// mention per host and document.
public struct MessageKey: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var eventID: String
    public var documentID: String

    public init(host: String, eventID: String, documentID: String) {
        self.host = host
        self.eventID = eventID
        self.documentID = documentID
    }

    public var description: String { "\(host)/\(eventID)/\(documentID)" }

    /// The id sent for a generation: the first is the key itself; a later one (after the stream was
    /// found not to hold a message it had acknowledged as a duplicate) gets a suffix, so the stream
    /// stores it, and the sink's primary keys keep it once.
    public func messageID(generation: Int) -> String {
        generation == 0 ? description : "\(description)~\(generation)"
    }
}
