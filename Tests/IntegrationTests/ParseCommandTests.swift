import Foundation
import Testing

/// `sitrep parse` as a user runs it.
struct ParseCommandTests {
    func run(_ arguments: [String], input: String) throws -> CommandLineTests.Outcome {
        try CommandLineTests().run(arguments, input: input)
    }

    @Test func conlluInputKeepsCommentsAndMultiWordTokensAndFillsTheColumns() throws {
        let input = "# sent_id = x\n# text = don't\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
            + "1\tdo\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        let outcome = try run(["parse", "--input", "conllu"], input: input)
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# sent_id = x")
        #expect(lines[1] == "# text = don't")
        #expect(lines[2] == "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_")
        #expect(lines[3].hasPrefix("1\tdo\tdo\tAUX\t"))
        #expect(lines[3].hasSuffix("\tSpaceAfter=No|NER=O"))
        #expect(lines[4].hasPrefix("2\tn't\tnot\tPART\tRB\t"))
    }

    @Test func badConlluIsOneLineWithItsLineNumberAndExitCode1() throws {
        let outcome = try run(["parse", "--input", "conllu"], input: "1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\n")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardError.contains("line 2"))
    }

    @Test func textInputGivesSentencesAsJSONLinesWithOffsets() throws {
        let outcome = try run(["parse", "--output", "jsonl"], input: "Rebels attacked Goma. They left.")
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        let tokens = first?["tokens"] as? [[String: Any]] ?? []
        #expect(tokens.map { $0["form"] as? String } == ["Rebels", "attacked", "Goma", "."])
        #expect(tokens.map { $0["start"] as? Int } == [0, 7, 16, 20])
        #expect(first?["text"] as? String == "Rebels attacked Goma.")
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let text = "Police in Leeds said 1,000 people didn't attend. The U.N. disagreed."
        #expect(try run(["parse"], input: text).standardOutput == run(["parse"], input: text).standardOutput)
    }
}
