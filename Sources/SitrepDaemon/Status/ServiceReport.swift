import Foundation
import SitrepFormats

/// What `sitrep status` shows, gathered by `ServiceInspector`; rendered as text or JSON here.
public struct ServiceReport: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var file: String
        public var reason: String
        /// Unix seconds the reason was written.
        public var time: Int64
    }

    public struct LastEvent: Sendable, Equatable {
        public var id: String
        public var type: String
        public var date: String?
        public var place: String?
        public var sentence: String?
    }

    public var running = false
    /// Where `running` was read from: "lock", "status file" or "none".
    public var evidence = "none"
    public var pid: Int32?
    /// Start time as the lock or status file gives it (Unix seconds, or the lock's own text).
    public var since: String?
    public var status: String?
    public var backlog = 0
    public var today = ""
    public var documentsToday = 0
    public var eventsToday = 0
    public var failedToday = 0
    public var lastEventTime: Int64?
    public var lastEvent: LastEvent?
    public var failedTotal = 0
    /// The most recent failures, newest first.
    public var failures: [Failure] = []
    public var inbox = ""
    public var log = ""
    public var logBytes: Int64?
    public var state = ""
    public var metricsFile = ""

    public init() {}

    public var text: String {
        var lines: [String] = []
        let state = running ? "running" : "not running"
        var head = "sitrep: \(state)"
        if let pid, running { head += " (pid \(pid))" }
        if let since { head += ", since \(Self.time(since))" }
        lines.append(head)
        if let status, !status.isEmpty { lines.append("  STATUS: \(status)") }
        lines.append("  backlog: \(CountPhrase.of(backlog, "document", "documents")) in the inbox")
        lines.append(
            "  today (\(today) UTC): \(CountPhrase.of(documentsToday, "document", "documents")), "
                + "\(CountPhrase.of(eventsToday, "event", "events")), \(failedToday) failed"
        )
        if let lastEvent {
            var line = "  last event: \(lastEvent.type)"
            if let date = lastEvent.date { line += " on \(date)" }
            if let place = lastEvent.place { line += " in \(place)" }
            if let lastEventTime, lastEventTime > 0 { line += ", logged \(Self.time(String(lastEventTime)))" }
            lines.append(line)
            if let sentence = lastEvent.sentence { lines.append("    \"\(Self.clip(sentence, 160))\"") }
        } else {
            lines.append("  last event: none")
        }
        lines.append("  failures: \(failedTotal) in \(self.state)/failed")
        for failure in failures {
            lines.append("    \(failure.file): \(Self.clip(failure.reason, 140))")
        }
        lines.append("  inbox: \(inbox)")
        lines.append("  log: \(log)" + (logBytes.map { " (\($0) bytes)" } ?? " (missing)"))
        lines.append("  state: \(self.state)")
        lines.append("  metrics: \(metricsFile)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object; keys stable, absent values as null so scripts can rely on every key.
    public var json: String {
        func string(_ value: String?) -> String { value.map(JSONString.quoted) ?? "null" }
        func number<T: BinaryInteger>(_ value: T?) -> String { value.map { "\($0)" } ?? "null" }
        let last =
            lastEvent.map {
                "{\"id\":\(JSONString.quoted($0.id)),\"type\":\(JSONString.quoted($0.type)),\"date\":\(string($0.date)),"
                    + "\"place\":\(string($0.place)),\"sentence\":\(string($0.sentence)),"
                    + "\"logged\":\(number(lastEventTime.flatMap { $0 > 0 ? $0 : nil }))}"
            } ?? "null"
        let failureList = failures.map {
            "{\"file\":\(JSONString.quoted($0.file)),\"reason\":\(JSONString.quoted($0.reason)),\"time\":\($0.time)}"
        }.joined(separator: ",")
        let fields = [
            "\"running\":\(running)", "\"evidence\":\(JSONString.quoted(evidence))", "\"pid\":\(number(pid))",
            "\"since\":\(string(since.map(Self.iso)))", "\"status\":\(string(status))",
            "\"backlog\":\(backlog)",
            "\"today\":{\"date\":\(JSONString.quoted(today)),\"documents\":\(documentsToday),\"events\":\(eventsToday),\"failed\":\(failedToday)}",
            "\"last_event\":\(last)", "\"failures\":{\"total\":\(failedTotal),\"recent\":[\(failureList)]}",
            "\"paths\":{\"inbox\":\(JSONString.quoted(inbox)),\"log\":\(JSONString.quoted(log)),\"state\":\(JSONString.quoted(state)),\"metrics\":\(JSONString.quoted(metricsFile))}",
            "\"log_bytes\":\(number(logBytes))",
        ]
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    /// A Unix time as `YYYY-MM-DD HH:MM:SS UTC`; other text as it is.
    static func time(_ text: String) -> String {
        guard let seconds = Int64(text) else { return text }
        let day = ServiceState.utcDay(seconds)
        let within = ((seconds % 86400) + 86400) % 86400
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day) \(two(within / 3600)):\(two(within / 60 % 60)):\(two(within % 60)) UTC"
    }

    /// A Unix time as RFC 3339 UTC (`2026-12-02T16:58:54Z`); other text as it is.
    static func iso(_ text: String) -> String {
        guard Int64(text) != nil else { return text }
        return time(text).replacingOccurrences(of: " UTC", with: "Z").replacingOccurrences(of: " ", with: "T")
    }

    static func clip(_ text: String, _ limit: Int) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
