import ArgumentParser
import Foundation
import SitrepDaemon

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether the daemon runs, its backlog, today's counts, the last event and failures.",
        discussion: """
            Reads what the daemon leaves in its state directory (the lock, the status file with the \
            last STATUS= line and today's counts, failed/) and the end of the event log, with the \
            same configuration as `sitrep run` (--config or SITREP_CONFIG, SITREP_* variables). Days are \
            UTC days. Exit status: 0 running, 3 not running (as `systemctl status`), 2 bad configuration.
            """
    )

    @Flag(help: "One JSON object instead of text.")
    var json = false

    @Option(help: ArgumentHelp("The configuration file `sitrep run` uses.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The state directory (default: as configured, else ./.sitrep).", valueName: "dir"))
    var state: String?

    @Option(help: ArgumentHelp("The event log (default: as configured, else ./events.jsonl).", valueName: "file"))
    var log: String?

    @Option(help: ArgumentHelp("The inbox (default: as configured, else ./inbox).", valueName: "dir"))
    var inbox: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var flags: [DaemonConfiguration.Key: String] = [:]
        flags[.state] = state
        flags[.log] = log
        flags[.inbox] = inbox
        let configuration: DaemonConfiguration
        do {
            configuration = try RunCommand.resolve(
                configPath: config ?? environment["SITREP_CONFIG"], environment: environment, flags: flags)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let report = ServiceInspector(configuration: configuration).report()
        var out = try OutputFile(path: nil)
        try out.write(json ? report.json : report.text)
        try out.finish()
        if !report.running { throw CommandFailure(message: "", exitCode: 3) }
    }
}
