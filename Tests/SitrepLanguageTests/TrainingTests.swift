import Testing

@testable import SitrepLanguage

struct TrainingTests {
    static let fixture = """
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_
        3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_
        4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

        1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
        2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_
        3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_
        4\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
        5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
        6\tsun\tsun\tNOUN\tNN\t_\t3\tobl\t_\t_

        1\tPeople\tpeople\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
        2\tran\trun\tVERB\tVBD\t_\t0\troot\t_\t_

        """

    @Test func theTaggerLearnsATinyTreebankCompletely() throws {
        let sentences = try CoNLLUReader().read(Self.fixture)
        let model = Training.trainTagger(sentences, iterations: 10, bucketBits: 12)
        let tagger = try PartOfSpeechTagger(model: Perceptron(serialized: model.serialized()))
        for sentence in sentences {
            var tokens = sentence.tokens.map { Token(form: $0.form) }
            tagger.tag(&tokens, words: tokens.map { WordFeatures(Array($0.form.utf8)) })
            #expect(tokens.map(\.upos) == sentence.tokens.map(\.upos))
            #expect(tokens.map(\.xpos) == sentence.tokens.map(\.xpos))
        }
    }

    @Test func trainingIsDeterministic() throws {
        let sentences = try CoNLLUReader().read(Self.fixture)
        let first = Training.trainTagger(sentences, iterations: 5, bucketBits: 12).serialized()
        let second = Training.trainTagger(sentences, iterations: 5, bucketBits: 12).serialized()
        #expect(first == second)
    }

    @Test func theLemmaTableKeepsOnlyWhatTheRulesMiss() throws {
        let sentences = try CoNLLUReader().read(Self.fixture)
        let table = Training.lemmaTable(sentences, verbForms: [("slay", "slays", "slew", "slain", "slaying")])
        let lemmatizer = try Lemmatizer(data: table)
        #expect(lemmatizer.lemma(form: "ran", upos: "VERB", xpos: "VBD") == "run")
        #expect(lemmatizer.lemma(form: "slew", upos: "VERB", xpos: "VBD") == "slay")
        #expect(lemmatizer.lemma(form: "barked", upos: "VERB", xpos: "VBD") == "bark")
        #expect(!table.contains("barks\tVBZ"))
    }

    @Test func truncatedModelsAreErrorsNotTraps() throws {
        let sentences = try CoNLLUReader().read(Self.fixture)
        let bytes = Training.trainTagger(sentences, iterations: 2, bucketBits: 10).serialized()
        for length in [0, 3, 5, 9, bytes.count / 2, bytes.count - 1] {
            #expect(throws: LanguageModelError.self) { try Perceptron(serialized: Array(bytes.prefix(length))) }
        }
        #expect(throws: LanguageModelError.self) { try EntityTagger(serialized: bytes) }
    }

    @Test func theBuiltInModelsLoadAndAnalyse() throws {
        let analyzer = try Analyzer.builtIn()
        let sentences = analyzer.analyze("The soldiers didn't leave the city. They stayed.")
        #expect(sentences.count == 2)
        let first = sentences[0].tokens
        #expect(first.map(\.form) == ["The", "soldiers", "did", "n't", "leave", "the", "city", "."])
        #expect(first.map(\.upos) == ["DET", "NOUN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"])
        #expect(first.map(\.lemma) == ["the", "soldier", "do", "not", "leave", "the", "city", "."])
        #expect(sentences[0].text == "The soldiers didn't leave the city.")
        // Same input, same output.
        #expect(analyzer.analyze("The soldiers didn't leave the city. They stayed.") == sentences)
    }
}
