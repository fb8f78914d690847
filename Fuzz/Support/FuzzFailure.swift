/// A violated invariant: printed, then a trap, so libFuzzer reports the input as a crash and saves it.
func fuzzFailure(_ message: String, file: StaticString = #file, line: UInt = #line) -> Never {
    fatalError("fuzz invariant violated: \(message)", file: file, line: line)
}
