/// Everything `sitrep run` can be told, after flags, environment and configuration file are combined.
public struct DaemonConfiguration: Sendable, Equatable {
    public enum OnComplete: String, Sendable, CaseIterable {
        case move, delete, keep
    }

    public var inbox = "./inbox"
    public var log = "./events.jsonl"
    public var state = "./.sitrep"
    public var onComplete = OnComplete.move
    /// How long a file found by a scan must stay unchanged before it is read (writers that never
    /// closed it while we watched).
    public var settleMilliseconds = 1000
    /// Interval of the safety rescan of the inbox, in seconds; 0 turns it off.
    public var rescanSeconds = 300
    /// Documents larger than this go to `failed/`.
    /// (16 MiB: a document takes seconds to extract, and the watchdog ping waits for it.)
    public var maxFileBytes = 16 << 20
    /// A stream line longer than this is skipped (and recorded in `failed/`).
    public var maxLineBytes = 16 << 20
    /// Longest time one document (a file, or a stream record) may spend in extraction before it goes
    /// to `failed/`: extraction is linear, so only a pathological input gets near it, and the
    /// watchdog ping waits while a document is read.
    public var maxDocumentMilliseconds = 10_000
    /// Extra or replacement extraction data files (lexicons, gazetteer).
    public var dataDirectory: String?
    public var logLevel = "info"
    /// The Prometheus textfile written every few seconds and at stop; nil: `<state>/metrics.prom`.
    public var metricsFile: String?

    public init() {}

    /// Where the metrics go: `metrics_file`, or `metrics.prom` in the state directory.
    public var metricsPath: String { metricsFile ?? state + "/metrics.prom" }

    /// Where the last status and today's counts go, for `sitrep status`.
    public var serviceStatePath: String { state + "/status" }

    /// The keys accepted in a configuration file and as `SITREP_<KEY>` environment variables.
    public enum Key: String, CaseIterable, Sendable {
        case inbox, log, state
        case onComplete = "on_complete"
        case settleMilliseconds = "settle_ms"
        case rescanSeconds = "rescan_seconds"
        case maxFileBytes = "max_file_bytes"
        case maxLineBytes = "max_line_bytes"
        case maxDocumentMilliseconds = "max_document_ms"
        case dataDirectory = "data_dir"
        case logLevel = "log_level"
        case metricsFile = "metrics_file"

        public var environmentName: String { "SITREP_" + rawValue.uppercased() }
    }

    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Sets one setting from its textual form, validating it.
    public mutating func set(_ key: Key, to value: String, from origin: String) throws(ConfigurationError) {
        func integer(min: Int) throws(ConfigurationError) -> Int {
            guard let number = Int(value.trimmingSpaces), number >= min else {
                throw ConfigurationError(
                    .invalidValue,
                    "\(origin): \(key.rawValue) must be a whole number >= \(min), got '\(value)'")
            }
            return number
        }
        func path() throws(ConfigurationError) -> String {
            guard !value.isEmpty, !value.contains("\0") else {
                throw ConfigurationError(.invalidValue, "\(origin): \(key.rawValue) must be a non-empty path")
            }
            return value
        }
        switch key {
        case .inbox: inbox = try path()
        case .log: log = try path()
        case .state: state = try path()
        case .dataDirectory: dataDirectory = try path()
        case .metricsFile: metricsFile = try path()
        case .onComplete:
            guard let mode = OnComplete(rawValue: value) else {
                throw ConfigurationError(
                    .invalidValue, "\(origin): on_complete must be move, delete or keep, got '\(value)'")
            }
            onComplete = mode
        case .settleMilliseconds: settleMilliseconds = try integer(min: 0)
        case .rescanSeconds: rescanSeconds = try integer(min: 0)
        case .maxFileBytes: maxFileBytes = try integer(min: 1)
        case .maxLineBytes: maxLineBytes = try integer(min: 1)
        case .maxDocumentMilliseconds: maxDocumentMilliseconds = try integer(min: 1)
        case .logLevel:
            guard Self.logLevels.contains(value) else {
                throw ConfigurationError(
                    .invalidValue,
                    "\(origin): log_level must be one of \(Self.logLevels.joined(separator: ", ")), got '\(value)'"
                )
            }
            logLevel = value
        }
    }

    /// `SITREP_*` variables that name no setting (a misspelt `SITREP_SETLE_MS` would otherwise be
    /// ignored without a word), sorted.
    public static func unknownEnvironmentNames(_ environment: [String: String]) -> [String] {
        let known = Set(Key.allCases.map(\.environmentName) + ["SITREP_CONFIG"])
        return environment.keys.filter { $0.hasPrefix("SITREP_") && !known.contains($0) }.sorted()
    }

    /// Combines the sources; later ones win: defaults, configuration file, environment, flags.
    /// Keys in `foreignKeys` belong to other commands sharing the file (`sitrep ship`, `sitrep sink`).
    public static func resolve(
        file: [(key: String, value: String, line: Int)], filePath: String?,
        environment: [String: String], flags: [Key: String], foreignKeys: Set<String> = []
    ) throws(ConfigurationError) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        for entry in file {
            let origin = "\(filePath ?? "config"):\(entry.line)"
            guard let key = Key(rawValue: entry.key) else {
                if foreignKeys.contains(entry.key) { continue }
                throw ConfigurationError(
                    .unknownKey,
                    "\(origin): unknown key '\(entry.key)' (known: \(Key.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            try configuration.set(key, to: entry.value, from: origin)
        }
        for key in Key.allCases {
            if let value = environment[key.environmentName] {
                try configuration.set(key, to: value, from: key.environmentName)
            }
        }
        for (key, value) in flags.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try configuration.set(key, to: value, from: "--" + key.rawValue.replacingUnderscores)
        }
        return configuration
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
