import ArgumentParser
import Dispatch
import Logging
import SitrepScaleout
import SitrepShip

struct SinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "Write the JetStream stream of events into PostgreSQL, each once (see docs/scaleout.md).",
        discussion: """
            A durable pull consumer (sink_consumer) on the stream; each batch (sink_batch) is one \
            transaction of INSERT … ON CONFLICT DO NOTHING into events and mentions, acked after COMMIT. \
            Applies the schema migrations at start. Settings: database_url, nats_urls, nats_creds, \
            nats_tls_*, stream, subject_prefix, stream_replicas, duplicate_window_s, sink_batch, \
            sink_consumer, sink_metrics_file (file keys, or SITREP_<KEY> variables). Prometheus metrics are \
            written to sink_metrics_file (default <state>/sink-metrics.prom) every 5 seconds and at stop.
            """
    )

    @OptionGroup var options: ScaleoutOptions

    @Option(help: ArgumentHelp("postgres://user@host:port/database", valueName: "url"))
    var databaseUrl: String?

    @Option(
        help: ArgumentHelp("The Prometheus textfile (default: <state>/sink-metrics.prom).", valueName: "file")
    )
    var metricsFile: String?

    /// `main.swift` stays synchronous (the daemon's `dispatchMain()` must not run inside an async
    /// top level), so the sink's async work runs in a task while this thread waits for it.
    func run() throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let command = self
        Task {
            do { try await command.sink() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    func sink() async throws {
        var flags: [ScaleoutConfiguration.Key: String] = [:]
        flags[.databaseURL] = databaseUrl
        flags[.sinkMetricsFile] = metricsFile
        let configuration = try options.resolve(flags: flags)
        Bootstrap.logging(level: configuration.logLevel)
        let logger = Logger(label: "sitrep.sink")
        let stop = StopSignal()
        do {
            let sink = try Sink(configuration: configuration, logger: logger)
            try await sink.run(stop: stop)
        } catch {
            logger.error("The sink stopped", metadata: ["error": "\(error)"])
            throw CommandFailure(message: "error: \(error)", exitCode: 1)
        }
    }
}

/// The sink task's error, handed to the waiting thread.
private final class Outcome: @unchecked Sendable {
    // @unchecked: written once by the task before it signals the semaphore, read after the wait.
    private(set) var error: (any Error)?
    func set(_ error: any Error) { self.error = error }
}
