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
            as doc.id. A document without a publication date of its own gets the --published date, \
            else (a .txt or .md file) the day of its modification time; doc.published_source then says \
            which. PDF, Word and other binary files are refused, as the daemon refuses them. A document \
            that is not in English gets a notice on stderr. A file that cannot be read is reported on \
            stderr and the others are still processed; the exit code is then 1.
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

    @Option(
        help: ArgumentHelp(
            "Publication date (YYYY-MM-DD or RFC 3339) of documents that carry none of their own.",
            valueName: "date"))
    var published: String?

    @Option(help: ArgumentHelp("Largest input read, in bytes (default 1 GiB).", valueName: "bytes"))
    var maxBytes: Int = 1 << 30

    @Flag(
        help: ArgumentHelp(
            "Before each document's events, print (as '#' lines) every sentence that held a trigger: the candidates, the rules and frames that applied, and the event made or why none was."
        ))
    var explain = false

    func validate() throws {
        if let published, DateNormalizer.normalize(published) == nil {
            throw ValidationError("--published '\(published)' is not a date: use YYYY-MM-DD or RFC 3339")
        }
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
        let givenDate = published.flatMap(DateNormalizer.normalize)
        for input in files.isEmpty ? ["-"] : files {
            do {
                let (raw, modified) = try read(input)
                let (bytes, encodingNote) = DocumentDecoder.utf8(raw)
                if let binary = BinarySignature.format(of: bytes) {
                    throw InputRefused(message: BinarySignature.refusal(binary))
                }
                let byName = input == "-" ? nil : DocumentFormat(fileName: input)
                if format == nil, byName == nil, input != "-", let dot = input.lastIndex(of: "."),
                    !input[dot...].contains("/")
                {
                    // As the daemon does: a name sitrep does not read is refused, not guessed at.
                    throw InputRefused(message: BinarySignature.refusal("'\(input[dot...])'"))
                }
                let chosen =
                    format.flatMap(DocumentFormat.init(rawValue:)) ?? byName ?? DocumentFormat.sniff(bytes)
                if let encodingNote { StandardError.line("sitrep: \(input): \(encodingNote)") }
                func emit(_ document: Document) throws {
                    var document = document
                    if input != "-" { document.path = input }
                    document.supplyPublished(given: givenDate, modified: modified, format: chosen)
                    for note in document.reportedNotes { StandardError.line("sitrep: \(input): \(note)") }
                    if let language = extractor.language(of: document), language != "en" {
                        let record = document.record.map { "record \($0): " } ?? ""
                        StandardError.line(
                            "sitrep: \(input): \(record)the text reads as \(language), not English; "
                                + "events are only read from English text")
                    }
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
                    for document in try DocumentDecoder.decode(
                        bytes, format: chosen, vocabulary: extractor.pageVocabulary)
                    {
                        try emit(document)
                    }
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
            throw CommandFailure(
                message: failures == 1
                    ? "1 input could not be processed" : "\(failures) inputs could not be processed",
                exitCode: 1)
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

    /// The input's bytes and, for a file, its modification time in Unix seconds.
    private func read(_ input: String) throws -> ([UInt8], Int64?) {
        if input == "-" {
            return (try FileReader.readAll(fd: 0, path: "stdin", limit: maxBytes), nil)
        }
        let opened = try FileReader.openFollowingLinks(input)
        defer { close(opened.fd) }
        let bytes = try FileReader.readAll(fd: opened.fd, path: input, limit: maxBytes)
        let nanoseconds = opened.status.modified
        return (bytes, (nanoseconds >= 0 ? nanoseconds : nanoseconds - 999_999_999) / 1_000_000_000)
    }
}

/// An input in a format sitrep does not read.
struct InputRefused: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
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
