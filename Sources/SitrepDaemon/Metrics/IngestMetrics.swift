import Metrics
import SitrepMetrics

/// The daemon's metrics, on their own registry, with the handles it updates often kept at hand.
///
/// Used only on the daemon's queue (like the `Ingestor` that feeds it), which is why the
/// `@unchecked Sendable` is sound: the handle caches are plain dictionaries touched from that queue
/// alone; the metric values themselves are atomics inside swift-prometheus.
public final class IngestMetrics: @unchecked Sendable {
    public let registry: MetricsRegistry
    private var eventCounters: [EventTally.Kind: Counter] = [:]
    private var failureCounters: [FailureReason: Counter] = [:]
    private let documentsWithEvents: Counter
    private let documentsWithoutEvents: Counter
    private let documentsFailed: Counter
    private let bytesRead: Counter
    private let extraction: Metrics.Timer
    private let backlog: Gauge
    private let lastEventTime: Gauge
    private let logSize: Gauge
    private let checkpointLag: Gauge
    private let writtenTime: Gauge

    public init(startedAtSeconds: Double) {
        registry = MetricsRegistry(timerBuckets: [
            .extractionSeconds: [
                .microseconds(100), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50),
                .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
            ]
        ])
        documentsWithEvents = registry.counter(.documents, [(.outcome, "events")])
        documentsWithoutEvents = registry.counter(.documents, [(.outcome, "no_events")])
        documentsFailed = registry.counter(.documents, [(.outcome, "failed")])
        bytesRead = registry.counter(.bytesRead)
        extraction = registry.timer(.extractionSeconds)
        backlog = registry.gauge(.backlog)
        lastEventTime = registry.gauge(.lastEventTime)
        logSize = registry.gauge(.logSize)
        checkpointLag = registry.gauge(.checkpointLag)
        writtenTime = registry.gauge(.writtenTime)
        registry.gauge(.startTime).record(startedAtSeconds)
        lastEventTime.record(0)
        for reason in [FailureReason.unsupported, .decode, .commit] { _ = failureCounter(reason) }
    }

    func read(bytes: Int) { bytesRead.increment(by: Int64(bytes)) }

    func extracted(nanoseconds: Int64) { extraction.recordNanoseconds(nanoseconds) }

    func failed(_ reason: FailureReason, document: Bool) {
        failureCounter(reason).increment()
        if document { documentsFailed.increment() }
    }

    func committed(_ tally: EventTally, atSeconds now: Double) {
        if tally.documentsWithEvents > 0 { documentsWithEvents.increment(by: Int64(tally.documentsWithEvents)) }
        if tally.documentsWithoutEvents > 0 {
            documentsWithoutEvents.increment(by: Int64(tally.documentsWithoutEvents))
        }
        for (kind, count) in tally.events {
            let counter: Counter
            if let known = eventCounters[kind] {
                counter = known
            } else {
                counter = registry.counter(.events, [(.type, kind.type), (.acledType, kind.acledType)])
                eventCounters[kind] = counter
            }
            counter.increment(by: Int64(count))
        }
        if !tally.events.isEmpty { lastEventTime.record(now) }
    }

    /// The gauges read at each write of the file.
    func sample(backlog documents: Int, logBytes: Int64, checkpointLagSeconds: Double, nowSeconds: Double) {
        backlog.record(documents)
        logSize.record(logBytes)
        checkpointLag.record(checkpointLagSeconds)
        writtenTime.record(nowSeconds)
    }

    private func failureCounter(_ reason: FailureReason) -> Counter {
        if let known = failureCounters[reason] { return known }
        let counter = registry.counter(.failures, [(.reason, reason.rawValue)])
        failureCounters[reason] = counter
        return counter
    }
}
