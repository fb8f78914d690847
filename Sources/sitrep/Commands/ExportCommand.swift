import ArgumentParser
import SitrepExport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write events of the log as CSV, GeoJSON or KML.",
        discussion: """
            Streams: a log of any size is read line by line and each kept event written at once. CSV \
            uses ACLED's column names (event_date, event_type, sub_event_type, actor1, actor2, country, \
            admin1, location, latitude, longitude, fatalities, notes, source and more) so that ACLED tooling \
            reads it; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. \
            GeoJSON is one RFC 7946 FeatureCollection (null geometry for events without coordinates); \
            KML holds the events that have coordinates. Lines of the log that are not event records \
            are skipped and counted on stderr. Progress is shown on stderr when it is a terminal.
            """
    )

    @Option(help: ArgumentHelp("csv, geojson or kml.", valueName: "format"))
    var format: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var selection: EventSelection

    func validate() throws {
        guard ExportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)': use csv, geojson or kml")
        }
    }

    func run() throws {
        let format = ExportFormat(rawValue: format)!
        var out = try OutputFile(path: output)
        do {
            try out.write(format.opening)
            var first = true
            let skipped = try selection.forEachEvent(progressLabel: "export") { event in
                let record = format.record(event)
                guard !record.isEmpty else { return }
                if !first { try out.write(format.separator) }
                first = false
                try out.write(record)
            }
            try out.write(format.closing)
            try out.finish()
            if skipped > 0 { StandardError.line("sitrep: \(skipped) line(s) were not event records; skipped") }
        } catch is OutputFile.Closed {
            out.abandon()
        } catch {
            out.abandon()
            throw error
        }
    }
}
