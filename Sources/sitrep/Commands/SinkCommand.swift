import ArgumentParser
import Logging
import SitrepScaleout
import SitrepShip

struct SinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "Write the JetStream stream of events into PostgreSQL, each once (see docs/scaleout.md).",
        discussion: """
            A durable pull consumer (sink_consumer) on the stream; each batch (sink_batch) is one \
            transaction of INSERT … ON CONFLICT DO NOTHING into events and mentions, acked after COMMIT. \
            Applies the schema migrations at start. Settings: database_url, nats_urls, nats_creds, \
            nats_tls_*, stream, subject_prefix, stream_replicas, duplicate_window_s, sink_batch, \
            sink_consumer (file keys, or SITREP_<KEY> variables).
            """
    )

    @OptionGroup var options: ScaleoutOptions

    @Option(help: ArgumentHelp("postgres://user@host:port/database", valueName: "url"))
    var databaseUrl: String?

    func run() async throws { try await sink() }

    /// Named apart from `run()`: ArgumentParser's synchronous `run()` would otherwise be chosen.
    func sink() async throws {
        var flags: [ScaleoutConfiguration.Key: String] = [:]
        flags[.databaseURL] = databaseUrl
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
