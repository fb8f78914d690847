import Metrics
import SitrepMetrics
import SitrepScaleout

extension MetricName {
    /// Lines offered to the stream.
    public static let shipPublished = MetricName("sitrep_ship_published_total")
    /// Lines the checkpoint moved past (acked as new, or a duplicate ack found in the stream).
    public static let shipAcknowledged = MetricName("sitrep_ship_acknowledged_total")
    /// Publishes sent again with the same id (failed, or not acked within ack_timeout_ms).
    public static let shipRetried = MetricName("sitrep_ship_retried_total")
    /// Duplicate acks looked up in the stream.
    public static let shipDuplicateChecks = MetricName("sitrep_ship_duplicate_checks_total")
    /// Duplicate acks whose message the stream did not hold, sent again under a new id.
    public static let shipReidentified = MetricName("sitrep_ship_reidentified_total")
    /// Bytes of the log past the checkpoint.
    public static let shipLagBytes = MetricName("sitrep_ship_lag_bytes")
    /// Lines read and not yet acknowledged.
    public static let shipLagLines = MetricName("sitrep_ship_lag_lines")
    /// Publishes awaiting their ack, and the window's size.
    public static let shipInFlight = MetricName("sitrep_ship_in_flight")
    public static let shipWindowCapacity = MetricName("sitrep_ship_window_capacity")
    public static let shipStartTime = MetricName("sitrep_ship_start_time_seconds")
    public static let shipWrittenTime = MetricName("sitrep_ship_metrics_written_timestamp_seconds")
}

/// The shipper's metrics, on their own registry. Counters follow the window's running totals: each
/// update adds what changed since the previous one.
///
/// Used only on the shipper's thread.
public final class ShipMetrics {
    public let registry = MetricsRegistry()
    private let published: Counter
    private let acknowledged: Counter
    private let retried: Counter
    private let duplicateChecks: Counter
    private let reidentified: Counter
    private let lagBytes: Gauge
    private let lagLines: Gauge
    private let inFlight: Gauge
    private let windowCapacity: Gauge
    private let writtenTime: Gauge
    private var last = ShipProgress()

    public init(startedAtSeconds: Double) {
        published = registry.counter(.shipPublished)
        acknowledged = registry.counter(.shipAcknowledged)
        retried = registry.counter(.shipRetried)
        duplicateChecks = registry.counter(.shipDuplicateChecks)
        reidentified = registry.counter(.shipReidentified)
        lagBytes = registry.gauge(.shipLagBytes)
        lagLines = registry.gauge(.shipLagLines)
        inFlight = registry.gauge(.shipInFlight)
        windowCapacity = registry.gauge(.shipWindowCapacity)
        writtenTime = registry.gauge(.shipWrittenTime)
        registry.gauge(.shipStartTime).record(startedAtSeconds)
        update(ShipProgress(), nowSeconds: startedAtSeconds)
    }

    public func update(_ progress: ShipProgress, nowSeconds: Double) {
        func add(_ counter: Counter, _ now: Int, _ before: Int) {
            counter.increment(by: Int64(max(0, now - before)))
        }
        add(published, progress.published, last.published)
        add(acknowledged, progress.acknowledged, last.acknowledged)
        add(retried, progress.retried, last.retried)
        add(duplicateChecks, progress.duplicateChecks, last.duplicateChecks)
        add(reidentified, progress.duplicatesMissing, last.duplicatesMissing)
        lagBytes.record(progress.lagBytes)
        lagLines.record(progress.lagLines)
        inFlight.record(progress.inFlight)
        windowCapacity.record(progress.windowCapacity)
        writtenTime.record(nowSeconds)
        last = progress
    }
}
