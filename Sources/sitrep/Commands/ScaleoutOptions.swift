import ArgumentParser
import Foundation
import SitrepDaemon
import SitrepScaleout

/// The options `ship` and `sink` share, and how they become a configuration.
struct ScaleoutOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A configuration file (the daemon's, with the keys in docs/scaleout.md).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Comma-separated NATS URLs (nats:// or tls://).", valueName: "urls"))
    var natsUrls: String?

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String?

    func resolve(flags extra: [ScaleoutConfiguration.Key: String]) throws -> ScaleoutConfiguration {
        var flags = extra
        flags[.natsURLs] = natsUrls
        flags[.logLevel] = logLevel
        let environment = ProcessInfo.processInfo.environment
        let path = config ?? environment["SITREP_CONFIG"]
        do {
            var entries: [(key: String, value: String, line: Int)] = []
            if let path {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure.usage("configuration file \(path) cannot be read")
                }
                do {
                    entries = try ConfigurationFile.parse(String(decoding: data, as: UTF8.self), path: path)
                } catch {
                    throw CommandFailure.usage(error.description)
                }
            }
            return try ScaleoutConfiguration.resolve(
                file: entries, filePath: path, foreignKeys: Set(DaemonConfiguration.Key.allCases.map(\.rawValue)),
                environment: environment, flags: flags)
        } catch let error as ScaleoutError {
            throw CommandFailure.usage(error.description)
        }
    }
}
