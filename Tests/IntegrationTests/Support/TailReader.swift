import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `tail -F` on the event log, as a downstream reader follows it: what it printed goes to a file,
/// so a test can count what a reader received (a log cut back shows up as lines received twice).
final class TailReader {
    let process = Process()
    let outputPath: String
    let errorPath: String

    init(log: String, output: String) throws {
        outputPath = output
        errorPath = output + ".stderr"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tail")
        // From the first line, following the name through a re-creation, polling quickly.
        process.arguments = ["-F", "-n", "+1", "-s", "0.05", log]
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit { stop() }

    var text: String {
        String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    }

    /// What tail said on stderr ("file truncated", "has been replaced", …).
    var complaints: String {
        String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
    }

    var lineCount: Int { text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }

    /// Waits (bounded) until the reader has received at least `lines` lines.
    @discardableResult
    func waitFor(lines: Int, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if lineCount >= lines { return true }
            usleep(20_000)
        }
        return lineCount >= lines
    }

    /// Ends the reader by its pid (SIGKILL if it does not go).
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
