import SitrepFormats

/// What the daemon last told the service manager, and today's counts, kept in `<state>/status` so
/// that `sitrep status` can show them without asking systemd (and for a daemon not under systemd).
///
/// Plain `key=value` lines; unknown keys are ignored when read, so fields can be added.
public struct ServiceState: Sendable, Equatable {
    public enum Phase: String, Sendable {
        case starting, running, stopping, stopped
    }

    public var phase = Phase.starting
    public var pid: Int32 = 0
    /// Unix seconds.
    public var started: Int64 = 0
    public var updated: Int64 = 0
    /// The last `STATUS=` text.
    public var status = ""
    /// The UTC day the counts below belong to, `YYYY-MM-DD`.
    public var day = ""
    public var documentsToday = 0
    public var eventsToday = 0
    public var failedToday = 0
    /// Unix seconds of the last event appended; 0 before the first.
    public var lastEvent: Int64 = 0
    /// Where the daemon writes its metrics (it may be set by a flag `status` does not see).
    public var metricsFile = ""

    public init() {}

    /// Counts a committed batch, starting the day's counts afresh when the UTC day changed.
    public mutating func record(documents: Int, events: Int, failed: Int, atSeconds now: Int64) {
        roll(to: now)
        documentsToday += documents
        eventsToday += events
        failedToday += failed
        if events > 0 { lastEvent = now }
    }

    /// Moves the counts to the day of `now` (zero when it is a new day).
    public mutating func roll(to now: Int64) {
        let today = Self.utcDay(now)
        if today != day {
            day = today
            documentsToday = 0
            eventsToday = 0
            failedToday = 0
        }
    }

    public var text: String {
        """
        phase=\(phase.rawValue)
        pid=\(pid)
        started=\(started)
        updated=\(updated)
        status=\(status.filter { $0 != "\n" && $0 != "\r" })
        day=\(day)
        documents_today=\(documentsToday)
        events_today=\(eventsToday)
        failed_today=\(failedToday)
        last_event=\(lastEvent)
        metrics_file=\(metricsFile.filter { $0 != "\n" && $0 != "\r" })

        """
    }

    public init(parsing text: String) {
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals]
            let value = String(line[line.index(after: equals)...])
            switch key {
            case "phase": phase = Phase(rawValue: value) ?? .stopped
            case "pid": pid = Int32(value) ?? 0
            case "started": started = Int64(value) ?? 0
            case "updated": updated = Int64(value) ?? 0
            case "status": status = value
            case "day": day = value
            case "documents_today": documentsToday = Int(value) ?? 0
            case "events_today": eventsToday = Int(value) ?? 0
            case "failed_today": failedToday = Int(value) ?? 0
            case "last_event": lastEvent = Int64(value) ?? 0
            case "metrics_file": metricsFile = value
            default: continue
            }
        }
    }

    /// `YYYY-MM-DD` of a Unix time, in UTC (any day an Int64 time gives).
    public static func utcDay(_ seconds: Int64) -> String {
        let civil = CivilDay(epochSeconds: seconds)
        let (y, m, d) = (civil.year, civil.month, civil.day)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
