import Metrics
import SitrepMetrics
import SitrepScaleout

extension MetricName {
    /// Batches by `outcome`: committed (then acked), failed (naked, delivered again).
    public static let sinkBatches = MetricName("sitrep_sink_batches_total")
    /// Messages of committed batches by `outcome`: event (an event record), rejected (not one).
    public static let sinkMessages = MetricName("sitrep_sink_messages_total")
    /// Rows inserted, by `table` (events, mentions).
    public static let sinkRowsInserted = MetricName("sitrep_sink_rows_inserted_total")
    /// Rows the database already held (ON CONFLICT DO NOTHING), by `table`.
    public static let sinkDuplicatesSkipped = MetricName("sitrep_sink_duplicates_skipped_total")
    /// Time of one batch's transaction, BEGIN to COMMIT (histogram).
    public static let sinkCommitSeconds = MetricName("sitrep_sink_commit_seconds")
    /// Messages still to be delivered to the consumer (its lag).
    public static let sinkPending = MetricName("sitrep_sink_consumer_pending_messages")
    /// The highest stream sequence committed.
    public static let sinkSequence = MetricName("sitrep_sink_stream_sequence")
    public static let sinkStartTime = MetricName("sitrep_sink_start_time_seconds")
    public static let sinkWrittenTime = MetricName("sitrep_sink_metrics_written_timestamp_seconds")
}

/// The sink's metrics, on their own registry. Counters follow `SinkProgress`'s running totals; the
/// commit histogram is fed per batch.
///
/// Used only by the sink's loop (one task).
public final class SinkMetrics {
    public let registry = MetricsRegistry(timerBuckets: [
        .sinkCommitSeconds: [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
            .seconds(5),
            .seconds(10),
        ]
    ])
    private let committed: Counter
    private let failed: Counter
    private let eventMessages: Counter
    private let rejectedMessages: Counter
    private let eventsInserted: Counter
    private let mentionsInserted: Counter
    private let eventsSkipped: Counter
    private let mentionsSkipped: Counter
    private let commit: Metrics.Timer
    private let pending: Gauge
    private let sequence: Gauge
    private let writtenTime: Gauge
    private var last = SinkProgress()

    public init(startedAtSeconds: Double) {
        committed = registry.counter(.sinkBatches, [(.outcome, "committed")])
        failed = registry.counter(.sinkBatches, [(.outcome, "failed")])
        eventMessages = registry.counter(.sinkMessages, [(.outcome, "event")])
        rejectedMessages = registry.counter(.sinkMessages, [(.outcome, "rejected")])
        eventsInserted = registry.counter(.sinkRowsInserted, [(.table, "events")])
        mentionsInserted = registry.counter(.sinkRowsInserted, [(.table, "mentions")])
        eventsSkipped = registry.counter(.sinkDuplicatesSkipped, [(.table, "events")])
        mentionsSkipped = registry.counter(.sinkDuplicatesSkipped, [(.table, "mentions")])
        commit = registry.timer(.sinkCommitSeconds)
        pending = registry.gauge(.sinkPending)
        sequence = registry.gauge(.sinkSequence)
        writtenTime = registry.gauge(.sinkWrittenTime)
        registry.gauge(.sinkStartTime).record(startedAtSeconds)
        update(SinkProgress(), nowSeconds: startedAtSeconds)
    }

    /// One committed transaction's duration.
    public func committed(nanoseconds: Int64) { commit.recordNanoseconds(nanoseconds) }

    public func update(_ progress: SinkProgress, nowSeconds: Double) {
        func add(_ counter: Counter, _ now: Int, _ before: Int) {
            counter.increment(by: Int64(max(0, now - before)))
        }
        add(committed, progress.batches, last.batches)
        add(failed, progress.failedBatches, last.failedBatches)
        add(eventMessages, progress.messages - progress.rejected, last.messages - last.rejected)
        add(rejectedMessages, progress.rejected, last.rejected)
        add(eventsInserted, progress.eventsInserted, last.eventsInserted)
        add(mentionsInserted, progress.mentionsInserted, last.mentionsInserted)
        add(eventsSkipped, progress.eventsSkipped, last.eventsSkipped)
        add(mentionsSkipped, progress.mentionsSkipped, last.mentionsSkipped)
        pending.record(Int64(clamping: progress.pending))
        sequence.record(Int64(clamping: progress.lastSequence))
        writtenTime.record(nowSeconds)
        last = progress
    }
}
