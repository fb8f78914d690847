import ArgumentParser
import Foundation
import SitrepExport

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw where events happened: an SVG, PNG or HTML map, offline.",
        discussion: """
            Country outlines from Natural Earth (public domain) are built in; the view is fitted to the \
            events kept, dots are coloured by ACLED event type and sized by fatalities, with a legend \
            and the date range. The HTML page adds hover details and a table, and loads nothing from the \
            network. The format follows the output's extension; PNG is rendered from the SVG with \
            rsvg-convert (Debian: librsvg2-bin).
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The map file: .svg, .png or .html.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Width of the picture in pixels (default 1200).", valueName: "px"))
    var width: Int = 1200

    @Option(help: ArgumentHelp("Height of the picture in pixels (default 800).", valueName: "px"))
    var height: Int = 800

    @OptionGroup var selection: EventSelection

    enum Kind: String { case svg, png, html }

    var kind: Kind? { Kind(rawValue: (output as NSString).pathExtension.lowercased()) }

    func validate() throws {
        guard kind != nil else { throw ValidationError("--output must end in .svg, .png or .html, got '\(output)'") }
        guard (200...8000).contains(width), (200...8000).contains(height) else {
            throw ValidationError("--width and --height must be between 200 and 8000")
        }
    }

    func run() throws {
        let outlines: CountryOutlines
        do {
            outlines = try CountryOutlines.builtIn()
        } catch {
            throw CommandFailure(message: "error: \(error)", exitCode: 2)
        }
        var events: [ExportEvent] = []
        let skipped = try selection.forEachEvent(progressLabel: "map") { events.append($0) }
        if skipped > 0 { StandardError.line("sitrep: \(skipped) line(s) were not event records; skipped") }
        let renderer = MapRenderer(outlines: outlines, width: Double(width), height: Double(height))
        switch kind! {
        case .svg:
            try write(renderer.svg(events), to: output)
        case .html:
            try write(renderer.html(events), to: output)
        case .png:
            let svgPath = output + ".tmp-\(ProcessInfo.processInfo.processIdentifier).svg"
            try write(renderer.svg(events), to: svgPath)
            defer { try? FileManager.default.removeItem(atPath: svgPath) }
            try rasterise(svgPath, to: output)
        }
        let mapped = events.filter { $0.coordinates != nil }.count
        StandardError.line("sitrep: \(output): \(mapped) of \(events.count) events mapped")
    }

    private func write(_ text: String, to path: String) throws {
        var file = try OutputFile(path: path)
        do {
            try file.write(text)
            try file.finish()
        } catch {
            file.abandon()
            throw error
        }
    }

    private func rasterise(_ svg: String, to png: String) throws {
        let search = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let tool = search.map({ "\($0)/rsvg-convert" }).first(where: FileManager.default.isExecutableFile)
        else {
            throw CommandFailure(
                message: "error: PNG output needs rsvg-convert (apt-get install librsvg2-bin); .svg and .html need nothing",
                exitCode: 1)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--format", "png", "--output", png, svg]
        do {
            try process.run()
        } catch {
            throw CommandFailure(message: "error: cannot run \(tool): \(error)", exitCode: 1)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure(message: "error: rsvg-convert failed (\(process.terminationStatus))", exitCode: 1)
        }
    }
}
