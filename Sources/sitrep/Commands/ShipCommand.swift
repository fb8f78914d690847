import ArgumentParser
import Foundation
import Logging
import SitrepScaleout
import SitrepShip

struct ShipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ship",
        abstract: "Publish the event log to NATS JetStream, each line once (see docs/scaleout.md).",
        discussion: """
            Tails the daemon's event log (following rotation) and publishes every line to \
            <subject_prefix>.<host> with a Nats-Msg-Id of host, event id and document id; its checkpoint \
            (<state>/ship.checkpoint) moves only past acknowledged lines. Settings: nats_urls, nats_creds, \
            nats_tls_ca, nats_tls_cert, nats_tls_key, nats_tls_required, stream, subject_prefix, \
            stream_replicas, duplicate_window_s, ship_window, ack_timeout_ms, host, log, state, \
            ship_metrics_file (file keys, or SITREP_<KEY> variables). Prometheus metrics are written to \
            ship_metrics_file (default <state>/ship-metrics.prom) every 5 seconds and at stop.
            """
    )

    @OptionGroup var options: ScaleoutOptions

    @Option(help: ArgumentHelp("The event log to ship.", valueName: "file"))
    var log: String?

    @Option(help: ArgumentHelp("The state directory (checkpoint).", valueName: "dir"))
    var state: String?

    @Option(help: ArgumentHelp("This host's name in subjects (default: the host name).", valueName: "name"))
    var host: String?

    @Option(
        help: ArgumentHelp("The Prometheus textfile (default: <state>/ship-metrics.prom).", valueName: "file")
    )
    var metricsFile: String?

    func run() throws {
        var flags: [ScaleoutConfiguration.Key: String] = [:]
        flags[.shipMetricsFile] = metricsFile
        flags[.log] = log
        flags[.state] = state
        flags[.host] = host
        let configuration = try options.resolve(flags: flags)
        Bootstrap.logging(level: configuration.logLevel)
        let logger = Logger(label: "sitrep.ship")
        let name =
            configuration.host.isEmpty ? ProcessInfo.processInfo.hostName.hostToken : configuration.host
        let stop = StopSignal()
        do {
            let shipper = try Shipper(configuration: configuration, host: name, logger: logger, stop: stop)
            try shipper.run(stop: stop)
        } catch {
            logger.error("Shipping stopped", metadata: ["error": "\(error)"])
            throw CommandFailure(message: "error: \(error)", exitCode: 1)
        }
    }
}

extension String {
    /// A host name as a subject token: its first label, other characters as '_'.
    var hostToken: String {
        let label = split(separator: ".").first.map(String.init) ?? "host"
        return String(label.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }
}
