import Testing

@testable import SitrepDaemon

struct LineSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var lines: [String]
        var consumed: Int
        var testDescription: String { input.debugDescription }
    }

    @Test(arguments: [
        Case(input: "", lines: [], consumed: 0),
        Case(input: "partial", lines: [], consumed: 0),
        Case(input: "one\n", lines: ["one"], consumed: 4),
        Case(input: "one\ntwo\npart", lines: ["one", "two"], consumed: 8),
        Case(input: "crlf\r\nnext\n", lines: ["crlf", "next"], consumed: 11),
        Case(input: "\n\n", lines: ["", ""], consumed: 2),
    ])
    func splitsCompleteLinesAndLeavesThePartialOne(_ example: Case) {
        let bytes = Array(example.input.utf8)
        let (lines, consumed) = LineSplitter.completeLines(in: bytes, base: 100)
        #expect(lines.map { String(decoding: bytes[$0.range], as: UTF8.self) } == example.lines)
        #expect(consumed == example.consumed)
    }

    @Test func reportsFileOffsetsOfEachLine() {
        let (lines, _) = LineSplitter.completeLines(in: Array("ab\ncde\n".utf8), base: 1000)
        #expect(lines.map(\.offset) == [1000, 1003])
    }
}
