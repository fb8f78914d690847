import Foundation

/// One run of the binary with no SITREP_* variables from the caller's environment.
struct SitrepRun {
    var status: Int32
    var standardOutput: String
    var standardError: String

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("SITREP_") && $0.key != "NOTIFY_SOCKET"
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        // stderr to a file: two pipes read one after the other could block the process.
        let errorPath = NSTemporaryDirectory() + "sitrep-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        standardOutput = String(decoding: stdout, as: UTF8.self)
        standardError = String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
    }
}
