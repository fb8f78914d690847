import Foundation
import Testing
@testable import SitrepLanguage

/// Parses of sentences written for these tests by the committed model, checked by hand against the
/// UD English guidelines as EWT applies them (EWT marks bare
/// temporal nouns `obl:unmarked`).
@Suite("Golden parses with the committed model")
struct GoldenParseTests {
    static func parser() throws -> DependencyParser {
        let url = try #require(Bundle.module.url(forResource: "dependency-parser", withExtension: "bin", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "dependency-parser", withExtension: "bin"))
        return try DependencyParser(model: [UInt8](Data(contentsOf: url)))
    }

    static let cases: [(tokens: String, heads: [Int], deprels: [String])] = [
        ("Gunmen/NOUN/NNS shot/VERB/VBD and/CCONJ/CC killed/VERB/VBD a/DET/DT shopkeeper/NOUN/NN ./PUNCT/.",
         [2, 0, 4, 2, 6, 4, 2],
         ["nsubj", "root", "cc", "conj", "det", "obj", "punct"]),
        ("The/DET/DT village/NOUN/NN chief/NOUN/NN was/AUX/VBD abducted/VERB/VBN on/ADP/IN Monday/PROPN/NNP ./PUNCT/.",
         [3, 3, 5, 5, 0, 7, 5, 5],
         ["det", "compound", "nsubj:pass", "aux:pass", "root", "case", "obl", "punct"]),
        ("Students/NOUN/NNS rallied/VERB/VBD in/ADP/IN Leeds/PROPN/NNP against/ADP/IN the/DET/DT war/NOUN/NN ./PUNCT/.",
         [2, 0, 4, 2, 7, 7, 2, 2],
         ["nsubj", "root", "case", "obl", "case", "det", "obl", "punct"]),
        ("Okafor/PROPN/NNP said/VERB/VBD the/DET/DT army/NOUN/NN 's/PART/POS convoy/NOUN/NN was/AUX/VBD attacked/VERB/VBN last/ADJ/JJ week/NOUN/NN ./PUNCT/.",
         [2, 0, 4, 6, 4, 8, 8, 2, 10, 8, 2],
         ["nsubj", "root", "det", "nmod:poss", "case", "nsubj:pass", "aux:pass", "ccomp", "amod", "obl:unmarked", "punct"]),
        // The example in docs/language.md.
        ("Gunmen/NOUN/NNS shot/VERB/VBD a/DET/DT shopkeeper/NOUN/NN",
         [2, 0, 4, 2], ["nsubj", "root", "det", "obj"]),
    ]

    @Test("sentences get the trees the guidelines give them", arguments: 0..<cases.count)
    func golden(index: Int) throws {
        let c = Self.cases[index]
        let parts = c.tokens.split(separator: " ").map { $0.split(separator: "/").map(String.init) }
        let result = try Self.parser().parse(forms: parts.map { $0[0] }, upos: parts.map { $0[1] }, xpos: parts.map { $0[2] })
        #expect(result.map(\.head) == c.heads)
        #expect(result.map(\.deprel) == c.deprels)
    }
}

@Test("parsing a CoNLL-U sentence fills HEAD and DEPREL and keeps the rest")
func parsesCoNLLUSentence() throws {
    let text = """
    # sent_id = t1
    # text = Gunmen shot a shopkeeper
    1\tGunmen\tgunman\tNOUN\tNNS\t_\t_\t_\t_\t_
    2\tshot\tshoot\tVERB\tVBD\t_\t_\t_\t_\t_
    3\ta\ta\tDET\tDT\t_\t_\t_\t_\t_
    4\tshopkeeper\tshopkeeper\tNOUN\tNN\t_\t_\t_\t_\tSpaceAfter=No


    """
    var sentence = try #require(try CoNLLUReader().read(text).first)
    try GoldenParseTests.parser().parse(&sentence)
    #expect(sentence.tokens.map(\.head) == [2, 0, 4, 2])
    #expect(sentence.tokens.map(\.deprel) == ["nsubj", "root", "det", "obj"])
    #expect(sentence.tokens.map(\.lemma) == ["gunman", "shoot", "a", "shopkeeper"])
    #expect(sentence.id == "t1")
}
