import ArgumentParser
import Foundation
import SitrepDaemon
import SitrepExport

#if canImport(Glibc)
    import Glibc
#endif

/// The options `export` and `map` share: which logs to read and which events to keep.
struct EventSelection: ParsableArguments {
    @Option(help: ArgumentHelp("Keep events on or after this date.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Keep events on or before this date.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(
        name: .customLong("type"),
        help: ArgumentHelp(
            "Keep events of this PLOVER type (ASSAULT) or ACLED event type (Battles); repeatable.",
            valueName: "type"))
    var types: [String] = []

    @Option(
        name: .customLong("country"),
        help: ArgumentHelp("Keep events located in this country (ISO 3166-1 alpha-2); repeatable.", valueName: "CC"))
    var countries: [String] = []

    @Argument(
        help: ArgumentHelp(
            "Event logs to read; '-' for standard input (default: the configured log, ./events.jsonl).",
            valueName: "log"))
    var logs: [String] = []

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !EventFilter.isDate(value) {
                throw ValidationError("\(name) must be a date YYYY-MM-DD, got '\(value)'")
            }
        }
        for country in countries where country.count != 2 || !country.allSatisfy(\.isLetter) {
            throw ValidationError("--country must be a two-letter ISO 3166-1 code, got '\(country)'")
        }
    }

    var filter: EventFilter {
        EventFilter(since: since, until: until, types: types, countries: countries)
    }

    /// The logs named, or the one `sitrep run` would write (SITREP_LOG, or the default).
    var paths: [String] {
        logs.isEmpty ? [ProcessInfo.processInfo.environment["SITREP_LOG"] ?? DaemonConfiguration().log] : logs
    }

    /// Calls `body` with every kept event of every log, in order, streaming.
    /// Returns how many lines were not event records.
    func forEachEvent(progressLabel: String, _ body: (ExportEvent) throws -> Void) throws -> Int {
        var skipped = 0
        let filter = self.filter
        var progress = Progress(label: progressLabel)
        for path in paths {
            var reader: LineReader
            do {
                reader = try LineReader(path: path)
            } catch {
                throw CommandFailure(message: "error: cannot read \(path): \(error.reason)", exitCode: 1)
            }
            defer { reader.close() }
            do {
                while let line = try reader.next() {
                    guard !line.isEmpty else { continue }
                    guard let event = ExportEvent.decode(line: line) else {
                        skipped += 1
                        continue
                    }
                    if filter.keeps(event) {
                        progress.kept += 1
                        try body(event)
                    }
                    progress.update(path: path, read: reader.bytesRead, size: reader.size)
                }
            } catch let error as SystemError {
                throw CommandFailure(message: "error: cannot read \(path): \(error.reason)", exitCode: 1)
            }
        }
        progress.finish()
        return skipped
    }
}
