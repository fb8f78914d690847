import Foundation
import SitrepLanguage

// Trains the SitrepLanguage models from the open data and writes them as resources.
// Usage: sitrep-train DATA_DIR EXTRACTION_RESOURCES OUTPUT_DIR   (DATA_DIR holds ud/ and dicts/)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("sitrep-train: " + message + "\n").utf8))
    exit(1)
}

func read(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
}

func write(_ bytes: [UInt8], _ path: String) {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fail("cannot write \(path)") }
    print("wrote \(path) (\(bytes.count) bytes)")
}

func stamp(_ start: Date, _ what: String) {
    print(String(format: "%6.1fs %@", Date().timeIntervalSince(start), what))
}

let arguments = CommandLine.arguments
guard arguments.count == 4 else { fail("usage: sitrep-train DATA_DIR EXTRACTION_RESOURCES OUTPUT_DIR") }
let data = arguments[1]
let extraction = arguments[2]
let output = arguments[3]
let start = Date()

func treebank(_ name: String) -> [Sentence] {
    do { return try CoNLLUReader().read(read("\(data)/ud/\(name)")) } catch { fail("\(name): \(error)") }
}

// Part of speech.
let train = treebank("en_ewt-ud-train.conllu")
stamp(start, "read \(train.count) training sentences")
let taggerModel = Training.trainTagger(train, iterations: 10)
write(taggerModel.serialized(), "\(output)/tagger.bin")
let tagger: PartOfSpeechTagger
do { tagger = try PartOfSpeechTagger(model: Perceptron(serialized: taggerModel.serialized())) } catch { fail("\(error)") }
stamp(start, "trained the tagger")

// Lemmas.
var verbs: [(lemma: String, vbz: String, vbd: String, vbn: String, vbg: String)] = []
for line in read("\(data)/dicts/verb_forms.tsv").split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("lemma\t") {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    if f.count >= 5 { verbs.append((f[0], f[1], f[2], f[3], f[4])) }
}
write(Array(Training.lemmaTable(train, verbForms: verbs).utf8), "\(output)/lemmas.tsv")

// Gazetteer of names from sitrep's resources and the actor dictionaries.
var gazetteer = NameGazetteer()
func names(_ cell: Substring) -> [String] { cell.split(separator: "|").map(String.init) }
for line in read("\(extraction)/people.tsv").split(separator: "\n") where !line.hasPrefix("#") {
    for name in names(line.split(separator: "\t")[0]) { gazetteer.add(name, kind: .person) }
}
for line in read("\(extraction)/organizations.tsv").split(separator: "\n") where !line.hasPrefix("#") {
    for name in names(line.split(separator: "\t")[0]) { gazetteer.add(name, kind: .organization) }
}
for line in read("\(extraction)/gazetteer.tsv").split(separator: "\n") where !line.hasPrefix("#") {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
    // Small places are mostly ordinary words or surnames; only well-known places help.
    if f.count > 7, let population = Int(f[6]), population >= 50_000 || f[7] != "city" {
        gazetteer.add(String(f[1]), kind: .place)
    }
}
for line in read("\(extraction)/countries.tsv").split(separator: "\n") where !line.hasPrefix("#") {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
    if f.count > 1 { for name in names(f[1]) { gazetteer.add(name, kind: .place) } }
    if f.count > 2 { for name in names(f[2]) { gazetteer.add(name, kind: .group) } }
}
for line in read("\(data)/dicts/demonyms.tsv").split(separator: "\n") where !line.hasPrefix("#") {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
    if f.count > 2 { for name in names(f[2]) { gazetteer.add(name, kind: .group) } }
    if f.count > 1 { gazetteer.add(String(f[1]), kind: .place) }
}
for line in read("\(data)/dicts/actors.tsv").split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("names\t") {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard f.count >= 9 else { continue }
    // Rows of the country files are mostly people; the others are organisations and armed groups.
    let kind: NameGazetteer.Kind = f[8] == "countries" && f[2].count > 3 ? .person : .organization
    for name in names(f[0]) { gazetteer.add(name, kind: kind) }
}
stamp(start, "built the gazetteer")

// Entities: Universal NER over EWT dev, with predicted tags as at run time.
func uner(_ name: String) -> [Sentence] {
    var sentences: [Sentence] = []
    var current = Sentence()
    for line in read("\(data)/ud/\(name)").split(separator: "\n", omittingEmptySubsequences: false) {
        if line.isEmpty {
            if !current.tokens.isEmpty { sentences.append(current) }
            current = Sentence()
        } else if line.hasPrefix("#") {
            current.comments.append(String(line))
        } else {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 3, let tag = EntityTag(f[2]) else { fail("\(name): bad line '\(line)'") }
            current.tokens.append(Token(form: String(f[1]), entity: tag))
        }
    }
    if !current.tokens.isEmpty { sentences.append(current) }
    for i in sentences.indices {
        tagger.tag(&sentences[i].tokens, words: sentences[i].tokens.map { WordFeatures(Array($0.form.utf8)) })
    }
    return sentences
}
let entityData = uner("uner_en_ewt-ud-dev.iob2")
// Keep about 30% aside (by a hash of the sentence id) to report a tuning figure, then train on all.
func isTune(_ s: Sentence) -> Bool { FeatureHash.bytes((s.id ?? "").utf8) % 10 < 3 }
let tuneSet = entityData.filter(isTune)
let iterations = 20
do {
    let model = Training.trainEntities(entityData.filter { !isTune($0) }, gazetteer: gazetteer, iterations: iterations)
    let ner = try EntityTagger(model: model, gazetteer: gazetteer)
    var gold = 0, found = 0, correct = 0
    for s in tuneSet {
        var tokens = s.tokens
        ner.tag(&tokens, context: ner.context(words: tokens.map { WordFeatures(Array($0.form.utf8)) }, upos: tokens.map(\.upos)))
        let g = EntitySpans.spans(s.tokens.map { $0.entity ?? .outside })
        let p = EntitySpans.spans(tokens.map { $0.entity ?? .outside })
        gold += g.count
        found += p.count
        correct += g.intersection(p).count
    }
    let precision = Double(correct) / Double(max(found, 1))
    let recall = Double(correct) / Double(max(gold, 1))
    print(String(format: "entities, tune part of UNER dev: P %.1f R %.1f F1 %.1f", precision * 100, recall * 100, 200 * precision * recall / max(precision + recall, 1e-9)))
} catch { fail("\(error)") }
let entityModel = Training.trainEntities(entityData, gazetteer: gazetteer, iterations: iterations)
do { write(try EntityTagger(model: entityModel, gazetteer: gazetteer).serialized(), "\(output)/entities.bin") } catch { fail("\(error)") }
stamp(start, "trained the entity tagger")

// Dependency parser: EWT train with its gold tags (see docs/language.md).
do {
    let sentences = train.map { s in
        ParserSentence(forms: s.tokens.map(\.form), upos: s.tokens.map(\.upos), xpos: s.tokens.map(\.xpos),
                       heads: s.tokens.map { $0.head ?? -1 }, deprels: s.tokens.map(\.deprel))
    }
    write(try ParserTrainer().train(sentences) { stamp(start, "parser epoch \($0.index + 1)") }, "\(output)/dependency-parser.bin")
} catch { fail("\(error)") }
stamp(start, "trained the dependency parser")
