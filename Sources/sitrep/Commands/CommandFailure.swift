/// A command that could not do its work: one line for stderr and the exit code.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: "error: \(message)", exitCode: 2)
    }
}
