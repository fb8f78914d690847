/// A Prometheus metric name, checked when it is made: a misspelt or malformed name is caught by the
/// test that lists every name, not by a scraper that silently drops the file.
///
/// The daemon's names are the static members below; other long-running commands add theirs in an
/// extension of their own, with the same `sitrep_` prefix.
public struct MetricName: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    /// `name` must match `[a-zA-Z_:][a-zA-Z0-9_:]*` (the text format's rule).
    public init(_ name: StaticString) {
        let text = "\(name)"
        precondition(Self.isValid(text), "invalid metric name \(text)")
        rawValue = text
    }

    public var description: String { rawValue }

    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x5F || byte == 0x3A
        }
    }
}

extension MetricName {
    /// Documents read, by `outcome` (extracted, failed).
    public static let documents = MetricName("sitrep_documents_total")
    /// Events appended to the log, by PLOVER `type` and `acled_type` ("" when ACLED would not code it).
    public static let events = MetricName("sitrep_events_total")
    /// Files and records moved to failed/, and commits that had to be retried, by `reason`.
    public static let failures = MetricName("sitrep_failures_total")
    /// Documents waiting in the inbox.
    public static let backlog = MetricName("sitrep_backlog_documents")
    /// Bytes read from inbox files and streams.
    public static let bytesRead = MetricName("sitrep_read_bytes_total")
    /// Time to extract the events of one document (histogram).
    public static let extractionSeconds = MetricName("sitrep_extraction_seconds")
    /// Unix time of the last event appended to the log; 0 before the first.
    public static let lastEventTime = MetricName("sitrep_last_event_timestamp_seconds")
    /// Size of the event log.
    public static let logSize = MetricName("sitrep_log_size_bytes")
    /// Seconds since the checkpoint was last written while work was waiting; 0 when idle.
    public static let checkpointLag = MetricName("sitrep_checkpoint_lag_seconds")
    /// Unix time the process started.
    public static let startTime = MetricName("sitrep_start_time_seconds")
    /// Unix time this file was written.
    public static let writtenTime = MetricName("sitrep_metrics_written_timestamp_seconds")
}
