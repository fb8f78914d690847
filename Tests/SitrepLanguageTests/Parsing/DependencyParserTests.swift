import Testing
@testable import SitrepLanguage

@Suite("Dependency parser training and parsing")
struct DependencyParserTests {
    private static func tinyOptions() -> ParserTrainer.Options {
        var o = ParserTrainer.Options()
        o.epochs = 30
        o.minLiftedLabelCount = 1
        o.pruneBelow = 0
        return o
    }

    @Test("training on the tiny treebank parses it back without a mistake")
    func learnsTinyTreebank() throws {
        let bytes = try ParserTrainer(options: Self.tinyOptions()).train(TinyTreebank.sentences)
        let parser = try DependencyParser(model: bytes)
        for s in TinyTreebank.sentences {
            let result = parser.parse(forms: s.forms, upos: s.upos, xpos: s.xpos)
            #expect(result.map(\.head) == s.heads, "\(s.forms)")
            #expect(result.map(\.deprel) == s.deprels, "\(s.forms)")
        }
    }

    @Test("the same sentences and options give the same model bytes")
    func deterministic() throws {
        let a = try ParserTrainer(options: Self.tinyOptions()).train(TinyTreebank.sentences)
        let b = try ParserTrainer(options: Self.tinyOptions()).train(TinyTreebank.sentences)
        #expect(a == b)
        var other = Self.tinyOptions()
        other.seed = 99
        other.epochs = 2
        #expect(try ParserTrainer(options: other).train(TinyTreebank.sentences) != a)
    }

    @Test("every parse is a single-rooted tree, whatever the input")
    func parsesAreTrees() throws {
        let parser = try DependencyParser(model: ParserTrainer(options: Self.tinyOptions()).train(TinyTreebank.sentences))
        let inputs: [([String], [String], [String])] = [
            (["x"], ["X"], ["FW"]),
            (["zz", "yy", "xx", "ww"], [], []),
            (Array(repeating: ".", count: 60), Array(repeating: "PUNCT", count: 60), Array(repeating: ".", count: 60)),
            (["Gunmen", "killed"], ["NOUN"], ["NNS", "VBD", "extra"]),
        ]
        for (forms, upos, xpos) in inputs {
            let result = parser.parse(forms: forms, upos: upos, xpos: xpos)
            #expect(result.count == forms.count)
            #expect(DependencyTree.isSingleRootedTree(heads: result.map(\.head)))
        }
        #expect(parser.parse(forms: [], upos: [], xpos: []).isEmpty)
    }

    @Test("bytes that are not a model are refused with a reason")
    func badModels() throws {
        #expect(throws: ParserError.self) { try DependencyParser(model: Array("not a model".utf8)) }
        let bytes = try ParserTrainer(options: Self.tinyOptions()).train(TinyTreebank.sentences)
        do {
            _ = try DependencyParser(model: Array(bytes.prefix(bytes.count - 3)))
            Issue.record("a truncated model loaded")
        } catch {
            #expect(error.code == .truncated)
        }
    }

    @Test("training with no usable sentence is an error")
    func emptyTraining() {
        #expect(throws: ParserError.self) {
            try ParserTrainer().train([ParserSentence(forms: ["a"], upos: ["X"], xpos: ["X"], heads: [1], deprels: ["dep"])])
        }
    }
}
