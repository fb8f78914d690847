/// What `sitrep ship` and `sitrep sink` are told, from the same `key = value` file as the daemon
/// (its own keys are accepted there and ignored here), `SITREP_<KEY>` variables and flags.
public struct ScaleoutConfiguration: Sendable, Equatable {
    /// The event log the shipper tails (the daemon's `log`).
    public var log = "./events.jsonl"
    /// The daemon's state directory; the shipper keeps its checkpoint beside the daemon's.
    public var state = "./.sitrep"
    /// This host's name in subjects and mentions; empty means the machine's host name.
    public var host = ""
    public var natsURLs: [String] = ["nats://127.0.0.1:4222"]
    /// A NATS credentials file (user JWT and NKey seed), as written by `nsc`.
    public var natsCredentials: String?
    /// TLS: a CA bundle to trust, and a client certificate and key for mutual TLS.
    public var natsTLSCA: String?
    public var natsTLSCertificate: String?
    public var natsTLSKey: String?
    /// Refuse plain-text connections even if the URL says nats://.
    public var natsTLSRequired = false
    public var stream = "EVENTS"
    /// Subjects are `<subject_prefix>.<host>`; the stream holds `<subject_prefix>.>`.
    public var subjectPrefix = "sitrep.events"
    public var streamReplicas = 3
    /// JetStream's de-duplication window, in seconds (at least two minutes: a shipper's resends
    /// after a leader election fall inside it).
    public var duplicateWindowSeconds = 600
    /// Publishes in flight before the shipper waits for acknowledgements.
    public var shipWindow = 256
    /// How long a publish may wait for its acknowledgement before it is sent again (same id).
    public var ackTimeoutMilliseconds = 5000
    /// PostgreSQL, as `postgres://user[:password]@host[:port]/database[?sslmode=require]`.
    public var databaseURL = "postgres://sitrep@127.0.0.1:5432/sitrep"
    public var sinkBatch = 500
    /// The sink's durable consumer name.
    public var sinkConsumer = "sitrep-sink"
    public var logLevel = "info"
    /// The Prometheus textfiles of `ship` and `sink` (the daemon's `metrics_file` is its own key in
    /// the same file); nil: `ship-metrics.prom` / `sink-metrics.prom` in the state directory.
    public var shipMetricsFile: String?
    public var sinkMetricsFile: String?

    public init() {}

    public var shipMetricsPath: String { shipMetricsFile ?? state + "/ship-metrics.prom" }
    public var sinkMetricsPath: String { sinkMetricsFile ?? state + "/sink-metrics.prom" }

    public enum Key: String, CaseIterable, Sendable {
        case log, state, host
        case natsURLs = "nats_urls"
        case natsCredentials = "nats_creds"
        case natsTLSCA = "nats_tls_ca"
        case natsTLSCertificate = "nats_tls_cert"
        case natsTLSKey = "nats_tls_key"
        case natsTLSRequired = "nats_tls_required"
        case stream
        case subjectPrefix = "subject_prefix"
        case streamReplicas = "stream_replicas"
        case duplicateWindowSeconds = "duplicate_window_s"
        case shipWindow = "ship_window"
        case ackTimeoutMilliseconds = "ack_timeout_ms"
        case databaseURL = "database_url"
        case sinkBatch = "sink_batch"
        case sinkConsumer = "sink_consumer"
        case logLevel = "log_level"
        case shipMetricsFile = "ship_metrics_file"
        case sinkMetricsFile = "sink_metrics_file"

        public var environmentName: String { "SITREP_" + rawValue.uppercased() }
    }

    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// The subject this host publishes on.
    public func subject(host: String) -> String { "\(subjectPrefix).\(host)" }

    public mutating func set(_ key: Key, to value: String, from origin: String) throws(ScaleoutError) {
        func integer(_ range: ClosedRange<Int>) throws(ScaleoutError) -> Int {
            guard let number = Int(value.trimmingCharacters), range.contains(number) else {
                throw ScaleoutError(
                    .invalidValue, origin,
                    "\(key.rawValue) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'"
                )
            }
            return number
        }
        func path() throws(ScaleoutError) -> String {
            guard !value.isEmpty, !value.contains("\0") else {
                throw ScaleoutError(.invalidValue, origin, "\(key.rawValue) must be a non-empty path")
            }
            return value
        }
        func token() throws(ScaleoutError) -> String {
            guard Self.isToken(value) else {
                throw ScaleoutError(
                    .invalidValue, origin,
                    "\(key.rawValue) may hold only letters, digits, '-' and '_', got '\(value)'")
            }
            return value
        }
        switch key {
        case .log: log = try path()
        case .state: state = try path()
        case .host: host = value.isEmpty ? "" : try token()
        case .natsURLs:
            let urls = value.split(separator: ",").map { String($0).trimmingCharacters }.filter {
                !$0.isEmpty
            }
            guard !urls.isEmpty else {
                throw ScaleoutError(.invalidValue, origin, "nats_urls must list at least one URL")
            }
            for url in urls {
                let schemes = ["nats://", "tls://"]
                guard schemes.contains(where: { url.hasPrefix($0) }), url.count > 7 else {
                    throw ScaleoutError(
                        .invalidValue, origin, "nats_urls: '\(url)' must start with nats:// or tls://")
                }
            }
            natsURLs = urls
        case .natsCredentials: natsCredentials = try path()
        case .natsTLSCA: natsTLSCA = try path()
        case .natsTLSCertificate: natsTLSCertificate = try path()
        case .natsTLSKey: natsTLSKey = try path()
        case .natsTLSRequired:
            switch value {
            case "true", "yes", "1": natsTLSRequired = true
            case "false", "no", "0": natsTLSRequired = false
            default:
                throw ScaleoutError(
                    .invalidValue, origin, "nats_tls_required must be true or false, got '\(value)'")
            }
        case .stream: stream = try token()
        case .subjectPrefix:
            guard
                value.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({
                    Self.isToken(String($0))
                })
            else {
                throw ScaleoutError(
                    .invalidValue, origin,
                    "subject_prefix must be dot-separated tokens of letters, digits, '-', '_'")
            }
            subjectPrefix = value
        case .streamReplicas: streamReplicas = try integer(1...5)
        case .duplicateWindowSeconds: duplicateWindowSeconds = try integer(120...86_400)
        case .shipWindow: shipWindow = try integer(1...65_536)
        case .ackTimeoutMilliseconds: ackTimeoutMilliseconds = try integer(100...600_000)
        case .databaseURL:
            guard value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") else {
                throw ScaleoutError(.invalidValue, origin, "database_url must start with postgres://")
            }
            _ = try DatabaseURL(value, origin: origin)
            databaseURL = value
        case .sinkBatch: sinkBatch = try integer(1...10_000)
        case .sinkConsumer: sinkConsumer = try token()
        case .shipMetricsFile: shipMetricsFile = try path()
        case .sinkMetricsFile: sinkMetricsFile = try path()
        case .logLevel:
            guard Self.logLevels.contains(value) else {
                throw ScaleoutError(
                    .invalidValue, origin,
                    "log_level must be one of \(Self.logLevels.joined(separator: ", ")), got '\(value)'")
            }
            logLevel = value
        }
    }

    /// A subject token or stream name: no spaces, dots or wildcards.
    static func isToken(_ value: String) -> Bool {
        !value.isEmpty
            && value.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                    || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    /// Combines defaults, file, environment and flags (later wins). Keys in `foreignKeys` belong to
    /// another command sharing the file and are skipped; any other unknown key is an error.
    public static func resolve(
        file: [(key: String, value: String, line: Int)], filePath: String?, foreignKeys: Set<String>,
        environment: [String: String], flags: [Key: String]
    ) throws(ScaleoutError) -> ScaleoutConfiguration {
        var configuration = ScaleoutConfiguration()
        for entry in file {
            let origin = "\(filePath ?? "config"):\(entry.line)"
            guard let key = Key(rawValue: entry.key) else {
                if foreignKeys.contains(entry.key) { continue }
                throw ScaleoutError(.unknownKey, origin, "unknown key '\(entry.key)'")
            }
            try configuration.set(key, to: entry.value, from: origin)
        }
        for key in Key.allCases {
            if let value = environment[key.environmentName] {
                try configuration.set(key, to: value, from: key.environmentName)
            }
        }
        for (key, value) in flags.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try configuration.set(
                key, to: value, from: "--" + String(key.rawValue.map { $0 == "_" ? "-" : $0 }))
        }
        if (configuration.natsTLSCertificate == nil) != (configuration.natsTLSKey == nil) {
            throw ScaleoutError(
                .missingValue, "configuration", "nats_tls_cert and nats_tls_key must be given together")
        }
        return configuration
    }
}

extension String {
    var trimmingCharacters: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
