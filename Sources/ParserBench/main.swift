// Trains the dependency parser on UD English EWT and measures it: UAS and LAS on EWT dev and test
// and on PUD, and parsing speed on one core. Wiring only: reading files, timing, printing.
//
//   sitrep-parser-bench --ud DIR [--epochs N] [--model-out FILE] [--model FILE] [--tags-from DIR]
//                       [--predicted-tags N]
//
// --model FILE measures a stored model instead of training one. --tags-from DIR reads the
// evaluation files from DIR instead (same names, predicted UPOS and XPOS in them).
import Foundation
import SitrepLanguage

struct Options {
    var ud = "../shared/data/ud"
    var epochs = ParserTrainer.Options().epochs
    var modelOut: String?
    var model: String?
    var tagsFrom: String?
    var tagIterations = 0
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("sitrep-parser-bench: " + message + "\n").utf8))
    exit(1)
}

var options = Options()
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    guard let value = args.popFirst() else { fail("\(arg) needs a value") }
    switch arg {
    case "--ud": options.ud = value
    case "--epochs": options.epochs = Int(value) ?? options.epochs
    case "--model-out": options.modelOut = value
    case "--model": options.model = value
    case "--tags-from": options.tagsFrom = value
    case "--predicted-tags": options.tagIterations = Int(value) ?? 0
    default: fail("unknown argument \(arg)")
    }
}

func sentences(_ path: String) -> [ParserSentence] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    do {
        return try CoNLLUReader().read(bytes: data).map { s in
            ParserSentence(
                forms: s.tokens.map(\.form), upos: s.tokens.map(\.upos), xpos: s.tokens.map(\.xpos),
                heads: s.tokens.map { $0.head ?? -1 }, deprels: s.tokens.map(\.deprel))
        }
    } catch {
        fail("\(path): \(error)")
    }
}

func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let modelBytes: [UInt8]
if let path = options.model {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    modelBytes = [UInt8](data)
} else {
    var trainerOptions = ParserTrainer.Options()
    trainerOptions.epochs = options.epochs
    let train = sentences(options.ud + "/en_ewt-ud-train.conllu")
    let start = Date()
    do {
        modelBytes = try ParserTrainer(options: trainerOptions).train(train) { epoch in
            let share = 100 * Double(epoch.correctMoves) / Double(max(1, epoch.moves))
            print(String(format: "epoch %2d  oracle agreement %.2f%%  %.0f s", epoch.index + 1, share, Date().timeIntervalSince(start)))
        }
    } catch {
        fail("\(error)")
    }
    print(String(format: "trained in %.0f s (wall clock), model %d bytes", Date().timeIntervalSince(start), modelBytes.count))
    if let out = options.modelOut {
        guard FileManager.default.createFile(atPath: out, contents: Data(modelBytes)) else { fail("cannot write \(out)") }
    }
}

let loadStart = Date()
let parser: DependencyParser
do { parser = try DependencyParser(model: modelBytes) } catch { fail("\(error)") }
print(String(format: "model load %.3f s", Date().timeIntervalSince(loadStart)))

print("| set | tokens | UAS | LAS | LAS (universal relation) | tokens/s, one core |")
print("|---|---|---|---|---|---|")
let evalDir = options.tagsFrom ?? options.ud
// --predicted-tags N: train the part-of-speech tagger on EWT train (N iterations) and parse with
// its tags instead of the gold ones.
var tagger: PartOfSpeechTagger?
if options.tagIterations > 0 {
    guard let data = FileManager.default.contents(atPath: options.ud + "/en_ewt-ud-train.conllu") else { fail("cannot read train") }
    do {
        let model = Training.trainTagger(try CoNLLUReader().read(bytes: data), iterations: options.tagIterations)
        tagger = try PartOfSpeechTagger(model: Perceptron(serialized: model.serialized()))
    } catch { fail("\(error)") }
}
func retag(_ file: String, _ tagger: PartOfSpeechTagger) -> [ParserSentence] {
    guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
    do {
        return try CoNLLUReader().read(bytes: data).map { s in
            var tokens = s.tokens
            tagger.tag(&tokens, words: tokens.map { WordFeatures(Array($0.form.utf8)) })
            return ParserSentence(forms: tokens.map(\.form), upos: tokens.map(\.upos), xpos: tokens.map(\.xpos),
                                  heads: tokens.map { $0.head ?? -1 }, deprels: tokens.map(\.deprel))
        }
    } catch { fail("\(file): \(error)") }
}
for (name, file) in [("EWT dev", "en_ewt-ud-dev.conllu"), ("EWT test", "en_ewt-ud-test.conllu"), ("PUD", "en_pud-ud-test.conllu")] {
    let gold = sentences(options.ud + "/" + file)
    let tagged = if let tagger { retag(options.ud + "/" + file, tagger) } else { options.tagsFrom == nil ? gold : sentences(evalDir + "/" + file) }
    var results: [[(head: Int, deprel: String)]] = []
    let c0 = cpuSeconds()
    for s in tagged { results.append(parser.parse(forms: s.forms, upos: s.upos, xpos: s.xpos)) }
    let seconds = cpuSeconds() - c0
    var n = 0, uas = 0, las = 0, ulas = 0
    for (g, r) in zip(gold, results) {
        for i in g.forms.indices {
            n += 1
            guard r[i].head == g.heads[i] else { continue }
            uas += 1
            if r[i].deprel == g.deprels[i] { las += 1 }
            if r[i].deprel.split(separator: ":").first == g.deprels[i].split(separator: ":").first { ulas += 1 }
        }
    }
    func pct(_ k: Int) -> String { String(format: "%.2f", 100 * Double(k) / Double(max(n, 1))) }
    print("| \(name) | \(n) | \(pct(uas)) | \(pct(las)) | \(pct(ulas)) | \(Int(Double(n) / seconds)) |")
}
