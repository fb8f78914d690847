import ArgumentParser
import Foundation
import Logging
import SitrepDaemon
import SitrepExtraction
import SitrepScaleout

#if canImport(Glibc)
    import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: watch the inbox and append events to the log.",
        discussion: """
            Every setting can also come from the environment (SITREP_INBOX, SITREP_LOG, SITREP_STATE, \
            SITREP_ON_COMPLETE, SITREP_SETTLE_MS, SITREP_RESCAN_SECONDS, SITREP_MAX_FILE_BYTES, \
            SITREP_MAX_LINE_BYTES, SITREP_MAX_DOCUMENT_MS, SITREP_DATA_DIR, SITREP_LOG_LEVEL, SITREP_METRICS_FILE) or \
            from a configuration file \
            (--config or SITREP_CONFIG) of `key = value` lines with the same names in lower case \
            (inbox, log, state, on_complete, settle_ms, …). Flags win over the environment, the \
            environment over the file. SIGHUP re-reads the file and reopens the log (for logrotate); \
            SIGTERM and SIGINT stop after the document in hand.

            Under systemd (NOTIFY_SOCKET set) the daemon reports READY=1 after the backlog scan, a live \
            STATUS= line, RELOADING=1 on SIGHUP, STOPPING=1 on stop, and WATCHDOG=1 pings when \
            WatchdogSec= is set; it logs to the journal with structured fields.

            Metrics (documents by outcome, events by type, failures by reason, backlog, bytes read, \
            extraction time, last event time, log size, checkpoint lag) are written in the Prometheus \
            text format to metrics_file, atomically, for node_exporter's textfile collector; the last \
            status and today's counts go to STATE/status, which `sitrep status` reads.
            """
    )

    @Option(help: ArgumentHelp("The inbox directory to watch (default ./inbox).", valueName: "dir"))
    var inbox: String?

    @Option(help: ArgumentHelp("The event log to append to (default ./events.jsonl).", valueName: "file"))
    var log: String?

    @Option(
        help: ArgumentHelp(
            "The state directory: checkpoint, processed/ and failed/ (default ./.sitrep).", valueName: "dir"))
    var state: String?

    @Option(help: ArgumentHelp("A configuration file, re-read on SIGHUP.", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "What to do with a document once its events are logged: move (to processed/), delete or keep.",
            valueName: "move|delete|keep"))
    var onComplete: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "How long (ms) a file found by a scan must stay unchanged before it is read (default 1000).",
            valueName: "ms"))
    var settleMs: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds between safety rescans of the inbox; 0 = off (default 300).", valueName: "s"))
    var rescanSeconds: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Largest document read, in bytes (default 16777216).", valueName: "bytes"))
    var maxFileBytes: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Longest .jsonl line read, in bytes (default 16777216).", valueName: "bytes"))
    var maxLineBytes: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Longest time (ms) one document may take to extract before it goes to failed/ (default 10000).",
            valueName: "ms"))
    var maxDocumentMs: String?

    @Option(
        help: ArgumentHelp("Directory of extra extraction data files (see docs/data.md).", valueName: "dir"))
    var dataDir: String?

    @Option(
        help: ArgumentHelp(
            "trace, debug, info, notice, warning, error or critical (default info).", valueName: "level"))
    var logLevel: String?

    @Option(
        help: ArgumentHelp(
            "The Prometheus textfile to rewrite every 5 seconds and at stop (default STATE/metrics.prom).",
            valueName: "file"))
    var metricsFile: String?

    func run() throws {
        let flags = self.flags
        let environment = ProcessInfo.processInfo.environment
        let configPath = config ?? environment["SITREP_CONFIG"]
        let source: Daemon.ConfigurationSource = { () throws(ConfigurationError) in
            try RunCommand.resolve(configPath: configPath, environment: environment, flags: flags)
        }
        let notifier = ServiceNotifier()
        let configuration: DaemonConfiguration
        do {
            configuration = try source()
        } catch {
            notifier.failed(errno: EINVAL, status: "Bad configuration: \(error)")
            throw CommandFailure.usage(error.description)
        }
        Bootstrap.logging(level: configuration.logLevel)
        let logger = Logger(label: "sitrep")
        for name in DaemonConfiguration.unknownEnvironmentNames(environment) {
            logger.warning("unknown SITREP_ environment variable ignored", metadata: ["variable": "\(name)"])
        }
        let extractor: Extractor
        do {
            extractor = try Extractor.load(
                dataDirectory: configuration.dataDirectory.map { URL(fileURLWithPath: $0) })
        } catch {
            notifier.failed(errno: EINVAL, status: "Bad extraction data: \(error)")
            throw CommandFailure.usage("extraction data: \(error)")
        }
        let daemon = Daemon(
            configuration: configuration, extractor: extractor, logger: logger, notifier: notifier,
            reloadConfiguration: source)
        daemon.run { error in
            notifier.failed(errno: error.errno, status: "Cannot start: \(error.message)")
            StandardError.line("sitrep: error: \(error.message)")
            Glibc.exit(2)
        }
    }

    private var flags: [DaemonConfiguration.Key: String] {
        var flags: [DaemonConfiguration.Key: String] = [:]
        flags[.inbox] = inbox
        flags[.log] = log
        flags[.state] = state
        flags[.onComplete] = onComplete
        flags[.settleMilliseconds] = settleMs
        flags[.rescanSeconds] = rescanSeconds
        flags[.maxFileBytes] = maxFileBytes
        flags[.maxLineBytes] = maxLineBytes
        flags[.maxDocumentMilliseconds] = maxDocumentMs
        flags[.dataDirectory] = dataDir
        flags[.logLevel] = logLevel
        flags[.metricsFile] = metricsFile
        return flags
    }

    static func resolve(
        configPath: String?, environment: [String: String], flags: [DaemonConfiguration.Key: String]
    ) throws(ConfigurationError) -> DaemonConfiguration {
        var entries: [(key: String, value: String, line: Int)] = []
        if let configPath {
            guard let data = FileManager.default.contents(atPath: configPath) else {
                throw ConfigurationError(.unreadableFile, "configuration file \(configPath) cannot be read")
            }
            entries = try ConfigurationFile.parse(String(decoding: data, as: UTF8.self), path: configPath)
        }
        return try DaemonConfiguration.resolve(
            file: entries, filePath: configPath, environment: environment, flags: flags,
            foreignKeys: Set(ScaleoutConfiguration.Key.allCases.map(\.rawValue)))
    }
}
