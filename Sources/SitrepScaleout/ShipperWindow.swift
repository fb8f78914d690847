/// The shipper's publishes in flight and its checkpoint, as a state machine.
///
/// Lines of one log file are offered in order; each is published with its message id, at most
/// `capacity` at a time. The checkpoint moves only past a prefix of lines that are all settled: acked
/// as new, or acked as a duplicate and then found in the stream under that id. A publish that fails
/// or times out is sent again with the same id (JetStream drops it if the first one was stored); a
/// duplicate ack whose message the stream does not hold (a publish lost in a leader election that
/// the server still remembers) is sent again under the next generation of the id.
public struct ShipperWindow: Sendable {
    public struct Line: Sendable, Equatable {
        public var key: MessageKey
        public var payload: [UInt8]
        /// Offset just past this line's newline.
        public var end: Int64

        public init(key: MessageKey, payload: [UInt8], end: Int64) {
            self.key = key
            self.payload = payload
            self.end = end
        }
    }

    public enum Action: Sendable, Equatable {
        case publish(messageID: String, payload: [UInt8])
        /// Look up stream sequence `sequence` and report whether it carries `messageID`.
        case verify(messageID: String, sequence: UInt64)
        case saveCheckpoint(LogPosition)
    }

    enum Status: Sendable, Equatable {
        case inFlight(deadline: Int64)
        case retryAt(Int64)
        case verifying
        case settled
    }

    struct Entry: Sendable {
        var line: Line
        var generation: Int
        var status: Status
        var attempts: Int
        var messageID: String { line.key.messageID(generation: generation) }
    }

    public let capacity: Int
    /// Milliseconds a publish waits for its ack before it is sent again.
    public let ackTimeout: Int64
    public private(set) var checkpoint: LogPosition
    private var entries: [Entry] = []
    private var head = 0
    private var indexByID: [String: Int] = [:]

    /// Lines offered (first publishes).
    public private(set) var published = 0
    /// Lines the checkpoint moved past: acked as new, or a duplicate ack found in the stream.
    public private(set) var settledLines = 0
    /// Publishes sent again with the same id (failed or overdue).
    public private(set) var resent = 0
    /// Duplicate acks looked up in the stream.
    public private(set) var duplicateChecks = 0
    /// Duplicate acks whose message the stream did not hold, sent again under a new id.
    public private(set) var regenerated = 0

    public init(checkpoint: LogPosition, capacity: Int, ackTimeout: Int64) {
        self.checkpoint = checkpoint
        self.capacity = max(1, capacity)
        self.ackTimeout = ackTimeout
    }

    public var inFlight: Int { entries.count - head }
    public var hasRoom: Bool { inFlight < capacity }
    public var isEmpty: Bool { inFlight == 0 }
    /// Offset past the last line offered (where reading continues).
    public var readOffset: Int64 {
        head < entries.count ? entries[entries.count - 1].line.end : checkpoint.offset
    }

    /// A new line of the current file, read past `readOffset`.
    public mutating func offer(_ line: Line, now: Int64) -> [Action] {
        precondition(hasRoom, "offer without room in the window")
        let entry = Entry(
            line: line, generation: 0, status: .inFlight(deadline: now + ackTimeout), attempts: 1)
        indexByID[entry.messageID] = entries.count
        entries.append(entry)
        published += 1
        return [.publish(messageID: entry.messageID, payload: line.payload)]
    }

    /// The stream stored the message (or says it already had it).
    public mutating func acknowledged(messageID: String, sequence: UInt64, duplicate: Bool) -> [Action] {
        guard let index = indexByID[messageID], index >= head else { return [] }
        switch entries[index].status {
        case .inFlight, .retryAt: break
        case .verifying, .settled: return []
        }
        if duplicate {
            entries[index].status = .verifying
            duplicateChecks += 1
            return [.verify(messageID: messageID, sequence: sequence)]
        }
        entries[index].status = .settled
        return advance()
    }

    /// A publish failed (error ack, no responders, timeout in the client): send it again, same id.
    public mutating func failed(messageID: String, now: Int64) {
        guard let index = indexByID[messageID], index >= head else { return }
        guard case .inFlight = entries[index].status else { return }
        entries[index].status = .retryAt(now + Self.backoff(attempts: entries[index].attempts))
    }

    /// The answer to a `.verify`.
    public mutating func verified(messageID: String, found: Bool, now: Int64) -> [Action] {
        guard let index = indexByID[messageID], index >= head, entries[index].status == .verifying else {
            return []
        }
        if found {
            entries[index].status = .settled
            return advance()
        }
        indexByID[messageID] = nil
        entries[index].generation += 1
        entries[index].attempts += 1
        entries[index].status = .inFlight(deadline: now + ackTimeout)
        let id = entries[index].messageID
        indexByID[id] = index
        regenerated += 1
        return [.publish(messageID: id, payload: entries[index].line.payload)]
    }

    /// Resends publishes whose retry time came or whose ack is overdue.
    public mutating func tick(now: Int64) -> [Action] {
        var actions: [Action] = []
        for index in head..<entries.count {
            let due: Bool
            switch entries[index].status {
            case .inFlight(let deadline): due = now >= deadline
            case .retryAt(let time): due = now >= time
            case .verifying, .settled: due = false
            }
            guard due else { continue }
            entries[index].attempts += 1
            entries[index].status = .inFlight(deadline: now + ackTimeout)
            resent += 1
            actions.append(
                .publish(messageID: entries[index].messageID, payload: entries[index].line.payload))
        }
        return actions
    }

    /// When every line of the current file is settled and the file was rotated away: continue with
    /// `next` from its start.
    public mutating func switchFile(to next: LogPosition) -> [Action] {
        precondition(isEmpty, "switching files with publishes in flight")
        checkpoint = next
        return [.saveCheckpoint(next)]
    }

    /// The earliest time `tick` has something to do, if any.
    public var nextDeadline: Int64? {
        var earliest: Int64?
        for entry in entries[head...] {
            switch entry.status {
            case .inFlight(let time), .retryAt(let time): earliest = min(earliest ?? time, time)
            case .verifying, .settled: break
            }
        }
        return earliest
    }

    private mutating func advance() -> [Action] {
        var moved = false
        while head < entries.count, entries[head].status == .settled {
            checkpoint.offset = entries[head].line.end
            indexByID[entries[head].messageID] = nil
            head += 1
            settledLines += 1
            moved = true
        }
        // Compact now and then so memory stays bounded by the window, not the log.
        if head > 1024, head * 2 > entries.count {
            entries.removeFirst(head)
            indexByID = indexByID.mapValues { $0 - head }
            head = 0
        }
        return moved ? [.saveCheckpoint(checkpoint)] : []
    }

    /// 250 ms doubling to at most 4 s: a leader election takes a few seconds.
    static func backoff(attempts: Int) -> Int64 {
        Int64(250) << Int64(min(max(attempts - 1, 0), 4))
    }
}
