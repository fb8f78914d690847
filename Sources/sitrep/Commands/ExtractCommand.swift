import ArgumentParser
import Foundation
import SitrepDaemon
import SitrepExtraction
import SitrepFormats

#if canImport(Glibc)
    import Glibc
#endif

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the events of documents to stdout, one JSON object per line.",
        discussion: """
            The same extraction as the daemon, once. Each FILE is read according to its extension \
            (.txt .md .html .htm .json .jsonl .ndjson .xml); '-' or no FILE reads standard input, whose \
            format is guessed unless --format is given. Events of a .jsonl input carry each record's id \
            as doc.id. A file that cannot be read is reported on stderr and the others are still \
            processed; the exit code is then 1.
            """
    )

    @Argument(help: ArgumentHelp("Documents to read; '-' for standard input.", valueName: "file"))
    var files: [String] = []

    @Option(
        help: ArgumentHelp(
            "Input format: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: by extension, or guessed).",
            valueName: "format"))
    var format: String?

    @Option(
        help: ArgumentHelp("Directory of extra extraction data files (see docs/data.md).", valueName: "dir"))
    var dataDir: String?

    @Option(help: ArgumentHelp("Largest input read, in bytes (default 1 GiB).", valueName: "bytes"))
    var maxBytes: Int = 1 << 30

    @Flag(
        help: ArgumentHelp(
            "Before each document's events, print (as '#' lines) every sentence that held a trigger: the candidates, the rules and frames that applied, and the event made or why none was."
        ))
    var explain = false

    func validate() throws {
        if let format, DocumentFormat(rawValue: format) == nil {
            throw ValidationError(
                "unknown format '\(format)': use one of \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    func run() throws {
        let extractor: Extractor
        do {
            extractor = try Extractor.load(dataDirectory: dataDir.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure.usage("extraction data: \(error)")
        }
        var output = StandardOutput()
        var failures = 0
        for input in files.isEmpty ? ["-"] : files {
            do {
                let bytes = try read(input)
                let chosen =
                    format.flatMap(DocumentFormat.init(rawValue:))
                    ?? (input == "-" ? nil : DocumentFormat(fileName: input)) ?? DocumentFormat.sniff(bytes)
                func emit(_ document: Document) throws {
                    var document = document
                    if input != "-" { document.path = input }
                    for note in document.notes { StandardError.line("sitrep: \(input): \(note)") }
                    guard explain else {
                        for event in extractor.extract(document) { try output.write(event) }
                        return
                    }
                    let explained = extractor.explain(document)
                    try output.write(text: ExtractCommand.explanation(document, explained.sentences))
                    for event in explained.events { try output.write(event) }
                }
                if chosen == .jsonLines {
                    // Record by record: a large stream is never held decoded all at once.
                    var reader = JSONLinesReader(bytes[...])
                    while let document = reader.next() { try emit(document) }
                    for note in try reader.finish() { StandardError.line("sitrep: \(input): \(note)") }
                } else {
                    for document in try DocumentDecoder.decode(bytes, format: chosen) { try emit(document) }
                }
            } catch let error as StandardOutput.Closed {
                _ = error
                return
            } catch let error as StandardOutput.Failed {
                throw CommandFailure(message: error.message, exitCode: 1)
            } catch {
                failures += 1
                StandardError.line("sitrep: \(input == "-" ? "stdin" : input): \(error)")
            }
        }
        do {
            try output.flush()
        } catch let error as StandardOutput.Failed {
            throw CommandFailure(message: error.message, exitCode: 1)
        } catch {
            return
        }
        if failures > 0 {
            throw CommandFailure(message: "\(failures) input(s) could not be processed", exitCode: 1)
        }
    }

    /// The '#' lines --explain prints for a document.
    static func explanation(_ document: Document, _ sentences: [SentenceExplanation]) -> String {
        var lines = ["# document \(document.id ?? document.path ?? "-")"]
        for sentence in sentences {
            lines.append("#   sentence \(sentence.sentence): \(sentence.text)")
            lines.append("#     candidates: \(sentence.candidates.joined(separator: ", "))")
            for rule in sentence.rules { lines.append("#     rule: \(rule)") }
            if let event = sentence.event { lines.append("#     event: \(event)") }
            if let dropped = sentence.dropped { lines.append("#     dropped: \(dropped)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func read(_ input: String) throws -> [UInt8] {
        if input == "-" {
            return try FileReader.readAll(fd: 0, path: "stdin", limit: maxBytes)
        }
        let opened = try FileReader.openFollowingLinks(input)
        defer { close(opened.fd) }
        return try FileReader.readAll(fd: opened.fd, path: input, limit: maxBytes)
    }
}

/// Buffered writes to fd 1 with write(2); a closed pipe ends the command quietly, any other write
/// error (a full disk) is an error: events were lost.
struct StandardOutput {
    struct Closed: Error {}
    struct Failed: Error {
        var message: String
    }

    private var buffer: [UInt8] = []

    mutating func write(_ event: Event) throws {
        event.appendJSONLine(to: &buffer)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func write(text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        do {
            try FileWriter.writeAll(fd: 1, bytes: buffer, path: "stdout")
        } catch {
            if error.errno == EPIPE { throw Closed() }
            throw Failed(message: "error: cannot write events to stdout: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
