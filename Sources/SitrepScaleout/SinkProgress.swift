/// What the sink has written so far: the source of its `STATUS=` line and its metrics file.
///
/// Rows offered to an `INSERT … ON CONFLICT DO NOTHING` that the database did not insert are
/// duplicates skipped: a redelivered batch, or an event already stored from another host.
public struct SinkProgress: Sendable, Equatable {
    /// Batches committed (and then acked), and batches whose transaction failed (naked, redelivered).
    public var batches = 0
    public var failedBatches = 0
    /// Messages in committed batches, and of those the ones that were not event records.
    public var messages = 0
    public var rejected = 0
    public var eventsInserted = 0
    public var eventsSkipped = 0
    public var mentionsInserted = 0
    public var mentionsSkipped = 0
    /// Messages still to be delivered to the consumer after the last fetch (its lag).
    public var pending: UInt64 = 0
    /// The highest stream sequence committed.
    public var lastSequence: UInt64 = 0

    public init() {}

    /// A batch committed; `insertedEvents` and `insertedMentions` are the rows the database inserted.
    public mutating func committed(
        _ batch: SinkBatch, messages count: Int, insertedEvents: Int, insertedMentions: Int
    ) {
        batches += 1
        messages += count
        rejected += batch.rejected.count
        eventsInserted += insertedEvents
        eventsSkipped += max(0, batch.events.count - insertedEvents)
        mentionsInserted += insertedMentions
        mentionsSkipped += max(0, batch.mentions.count - insertedMentions)
        lastSequence = max(lastSequence, batch.lastSequence)
    }

    /// Mentions inserted per second since `earlier`, `milliseconds` before.
    public func mentionsPerSecond(since earlier: SinkProgress, milliseconds: Int64) -> Int {
        guard milliseconds > 0 else { return 0 }
        return Int(Int64(max(0, mentionsInserted - earlier.mentionsInserted)) * 1000 / milliseconds)
    }

    /// The `STATUS=` text.
    public func status(mentionsPerSecond rate: Int) -> String {
        let written: String =
            Self.count(batches, "batch", "batches") + ", " + Self.count(eventsInserted, "event", "events")
            + " and " + Self.count(mentionsInserted, "mention", "mentions") + " written"
        let skipped: String =
            Self.count(eventsSkipped + mentionsSkipped, "duplicate", "duplicates") + " skipped"
        let behind: String = Self.count(pending, "message", "messages") + " behind"
        var line: String = written + ", \(rate) mentions/s, " + skipped + ", " + behind
        if failedBatches > 0 { line += ", " + Self.count(failedBatches, "batch", "batches") + " failed" }
        return line
    }

    /// "1 batch", "2 batches": the noun agrees with its count.
    static func count(_ value: some BinaryInteger, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }
}
