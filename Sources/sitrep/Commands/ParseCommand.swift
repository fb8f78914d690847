import ArgumentParser
import Foundation
import SitrepFormats
import SitrepLanguage

#if canImport(Glibc)
    import Glibc
#endif

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the sentence analysis of text or CoNLL-U: tokens, tags, lemmas, entities.",
        discussion: """
            --input text (default) tokenises, splits sentences and analyses. --input conllu keeps the \
            given sentences, words, comment lines, multi-word token lines and empty nodes, and fills \
            UPOS, XPOS, LEMMA, HEAD and DEPREL; the entity tag goes into MISC as NER=B-PER, I-LOC or O. \
            Bad input gets one line on stderr with its line number and exit code 1.
            """
    )

    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case text, conllu }
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case conllu, jsonl }

    @Argument(help: ArgumentHelp("Files to read; '-' or none for standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: "Input format: text or conllu.")
    var input: InputFormat = .text

    @Option(help: "Output format: conllu or jsonl (one sentence per line).")
    var output: OutputFormat = .conllu

    func run() throws {
        let analyzer: Analyzer
        do { analyzer = try Analyzer.builtIn() } catch {
            throw CommandFailure(message: "error: language models: \(error)", exitCode: 1)
        }
        for file in files.isEmpty ? ["-"] : files {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure(message: "error: \(file): cannot read", exitCode: 1)
                }
                data = contents
            }
            let name = file == "-" ? "stdin" : file
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure(message: "error: \(name): line 1: the input is not UTF-8", exitCode: 1)
            }
            var sentences: [Sentence]
            switch input {
            case .text:
                sentences = analyzer.analyze(text)
            case .conllu:
                do { sentences = try CoNLLUReader().read(text) } catch {
                    throw CommandFailure(message: "error: \(name): \(error)", exitCode: 1)
                }
                for i in sentences.indices { analyzer.analyze(&sentences[i]) }
            }
            var out = ""
            for sentence in sentences {
                switch output {
                case .conllu: CoNLLUWriter().write(sentence, to: &out)
                case .jsonl: SentenceJSON.write(sentence, to: &out)
                }
                if out.utf8.count > 1 << 16 {
                    ParseOutput.write(out)
                    out = ""
                }
            }
            ParseOutput.write(out)
        }
    }
}

/// Writes whole strings to fd 1 with write(2), which reports errors instead of trapping; a closed
/// pipe ends the output quietly.
enum ParseOutput {
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// One sentence as a JSON object: text and its words with offsets and analysis.
enum SentenceJSON {
    static func write(_ sentence: Sentence, to out: inout String) {
        out += "{\"text\":"
        string(sentence.text ?? sentence.tokens.map(\.form).joined(separator: " "), &out)
        if let id = sentence.id {
            out += ",\"id\":"
            string(id, &out)
        }
        out += ",\"tokens\":["
        for (i, token) in sentence.tokens.enumerated() {
            if i > 0 { out += "," }
            out += "{\"id\":\(i + 1),\"form\":"
            string(token.form, &out)
            if let range = token.range { out += ",\"start\":\(range.lowerBound),\"end\":\(range.upperBound)" }
            out += ",\"lemma\":"
            string(token.lemma, &out)
            out += ",\"upos\":"
            string(token.upos, &out)
            out += ",\"xpos\":"
            string(token.xpos, &out)
            out += ",\"head\":" + (token.head.map(String.init) ?? "null")
            out += ",\"deprel\":"
            string(token.deprel, &out)
            out += ",\"ner\":"
            string(token.entity?.text ?? "O", &out)
            out += "}"
        }
        out += "]}\n"
    }

    static func string(_ s: String, _ out: inout String) { out += JSONString.quoted(s) }
}
