import Testing

@testable import SitrepLanguage

struct CoNLLUTests {
    static let sample = """
        # sent_id = s1
        # text = I can't go.
        1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_
        2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
        2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t4:aux\tSpaceAfter=No
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_
        4\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No
        4.1\tgone\tgo\tVERB\t_\t_\t_\t_\t4:conj\t_
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_


        """

    @Test func aSentenceReadAndWrittenIsUnchanged() throws {
        let sentences = try CoNLLUReader().read(Self.sample)
        #expect(sentences.count == 1)
        #expect(CoNLLUWriter().write(sentences) == Self.sample)
    }

    @Test func wordsCommentsAndVerbatimLinesAreSeparated() throws {
        let sentence = try #require(try CoNLLUReader().read(Self.sample).first)
        #expect(sentence.id == "s1")
        #expect(sentence.text == "I can't go.")
        #expect(sentence.tokens.map(\.form) == ["I", "ca", "n't", "go", "."])
        #expect(sentence.tokens.map(\.head) == [4, 4, 4, 0, 4])
        #expect(sentence.verbatimLines.map(\.position) == [1, 4])
        #expect(sentence.tokens[1].misc == "SpaceAfter=No")
    }

    @Test func theEntityTagIsTakenOutOfMiscAndPutBackAfterIt() throws {
        let text = "1\tParis\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|NER=B-LOC\n2\tis\t_\t_\t_\t_\t_\t_\t_\tNER=O\n\n"
        let sentences = try CoNLLUReader().read(text)
        #expect(sentences[0].tokens.map(\.entity) == [.begin(.location), .outside])
        #expect(sentences[0].tokens[0].misc == "SpaceAfter=No")
        #expect(sentences[0].tokens[1].misc == "_")
        #expect(CoNLLUWriter().write(sentences) == text)
    }

    @Test func sentencesAreSeparatedByBlankLinesAndTheLastNeedsNone() throws {
        let text = "1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n\n\n1\tb\t_\t_\t_\t_\t_\t_\t_\t_\r\n2\tc\t_\t_\t_\t_\t_\t_\t_\t_"
        let sentences = try CoNLLUReader().read(text)
        #expect(sentences.map { $0.tokens.map(\.form) } == [["a"], ["b", "c"]])
    }

    @Test func emptyInputHasNoSentences() throws {
        #expect(try CoNLLUReader().read("").isEmpty)
        #expect(try CoNLLUReader().read("\n\n").isEmpty)
    }

    @Test(arguments: [
        ("1\ta\t_\t_\t_\t_\t_\t_\t_\n", CoNLLUError.Code.wrongColumnCount, 1),
        ("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\t_\n", .wrongColumnCount, 1),
        ("2\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", .badID, 1),
        ("# c\n1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n1\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", .badID, 3),
        ("x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", .badID, 1),
        ("2-3\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", .badID, 1),
        ("1-0\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", .badID, 1),
        ("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n3.1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", .badID, 2),
        ("1\t\t_\t_\t_\t_\t_\t_\t_\t_\n", .emptyForm, 1),
        ("1\ta\t_\t_\t_\t_\tx\t_\t_\t_\n", .badHead, 1),
        ("1\ta\t_\t_\t_\t_\t-1\t_\t_\t_\n", .badHead, 1),
        ("\n1\ta\t_\t_\t_\t_\t3\t_\t_\t_\n2\tb\t_\t_\t_\t_\t0\t_\t_\t_\n", .badHead, 2),
        ("1\ta\t_\t_\t_\t_\t_\t_\t_\tNER=B-XYZ\n", .badEntity, 1),
        ("1\ta\t_\t_\t_\t_\t_\t_\t_\tNER=Q-PER\n", .badEntity, 1),
        ("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n# late\n", .misplacedComment, 2),
    ])
    func malformedInputNamesItsLine(text: String, code: CoNLLUError.Code, line: Int) {
        #expect(throws: CoNLLUError.self) { try CoNLLUReader().read(text) }
        do {
            _ = try CoNLLUReader().read(text)
        } catch {
            #expect(error.code == code)
            #expect(error.line == line)
        }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: CoNLLUError.self) { try CoNLLUReader().read(bytes: [0x31, 0xFF, 0x0A]) }
    }

    @Test func writtenColumnsNeverHoldTabsOrEmptyValues() {
        let sentence = Sentence(tokens: [Token(form: "a\tb", lemma: "")])
        #expect(CoNLLUWriter().write([sentence]) == "1\ta b\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
    }

    @Test(arguments: ["O", "B-PER", "I-LOC", "B-ORG", "I-OTH"])
    func entityTagsRoundTrip(text: String) {
        #expect(EntityTag(text)?.text == text)
    }

    @Test(arguments: ["", "B", "B-", "X-PER", "B-per", "OO"])
    func badEntityTagsAreRejected(text: String) {
        #expect(EntityTag(text) == nil)
    }
}
