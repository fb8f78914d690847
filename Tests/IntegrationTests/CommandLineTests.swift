import Foundation
import Testing

/// What a user sees from the command line: errors, help, and `sitrep extract`.
struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws
        -> Outcome
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("SITREP_") && $0.key != "NOTIFY_SOCKET"
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: stdout, as: UTF8.self),
            standardError: String(decoding: stderr, as: UTF8.self))
    }

    /// `$S` stands for a fresh sandbox directory, so that nothing is written outside it.
    @Test(arguments: [
        ["run", "--no-such-flag"],
        [
            "run", "--inbox", "$S/inbox", "--state", "$S/state", "--log", "$S/events.jsonl", "--on-complete",
            "shred",
        ],
        ["run", "--inbox", "$S/missing-parent/inbox", "--state", "$S/state", "--log", "$S/events.jsonl"],
        ["run", "--inbox", "$S/inbox", "--state", "$S/state", "--log", "$S/no-such-dir/events.jsonl"],
        [
            "run", "--config", "$S/missing.conf", "--inbox", "$S/inbox", "--state", "$S/state", "--log",
            "$S/e.jsonl",
        ],
        ["extract", "--format", "pdf"],
        ["run", "--inbox", "$S/inbox", "--state", "$S/inbox", "--log", "$S/events.jsonl"],
        ["run", "--inbox", "$S/inbox", "--state", "$S/inbox/.state", "--log", "$S/events.jsonl"],
    ])
    func badUsageIsOneLineOnStderrAndExitCode2(arguments: [String]) throws {
        let sandbox = Sandbox()
        let outcome = try run(arguments.map { $0.replacingOccurrences(of: "$S", with: sandbox.root) })
        #expect(outcome.status == 2)
        #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.hasPrefix("sitrep: error: "))
        #expect(!outcome.standardError.contains("Fatal error"))
    }

    @Test func aCRLFConfigurationFileIsRead() throws {
        let sandbox = Sandbox()
        let config = sandbox.root + "/windows.conf"
        // Without CRLF handling the whole file was one comment line and the defaults were used.
        try "# sitrep\r\ninbox = \(sandbox.root)/no-parent/inbox\r\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let outcome = try run(["run", "--config", config, "--state", sandbox.state, "--log", sandbox.log])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("no-parent/inbox"), "\(outcome.standardError)")
    }

    @Test func aNegativeNumberGetsAClearMessage() throws {
        let sandbox = Sandbox()
        let outcome = try run([
            "run", "--inbox", sandbox.inbox, "--state", sandbox.state, "--log", sandbox.log, "--settle-ms",
            "-5",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("settle_ms must be a whole number >= 0, got '-5'"))
    }

    @Test func anUnknownSitrepVariableIsWarnedAbout() throws {
        let sandbox = Sandbox()
        let outcome = try run(
            [
                "run", "--inbox", sandbox.root + "/missing/inbox", "--state", sandbox.state, "--log",
                sandbox.log,
            ],
            environment: ["SITREP_SETLE_MS": "5"])
        #expect(outcome.standardError.contains("SITREP_SETLE_MS"), "\(outcome.standardError)")
    }

    @Test func extractToAFullDiskIsAnError() throws {
        let sandbox = Sandbox()
        let input = sandbox.root + "/article.txt"
        try String(repeating: Fixtures.attack + "\n\n", count: 50).write(
            toFile: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["extract", input]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SITREP_") }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("cannot write events to stdout"), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
    }

    @Test func configurationFileErrorsNameTheLine() throws {
        let sandbox = Sandbox()
        let config = sandbox.root + "/bad.conf"
        try "inbox = \"\(sandbox.inbox)\"\nsettle_ms = soon\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let outcome = try run(["run", "--config", config, "--state", sandbox.state, "--log", sandbox.log])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("bad.conf:2"))
    }

    @Test func helpDocumentsBothCommands() throws {
        let outcome = try run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("run"))
        #expect(outcome.standardOutput.contains("extract"))
        let runHelp = try run(["run", "--help"])
        for flag in ["--inbox", "--log", "--state", "--config", "--on-complete", "SITREP_INBOX", "SIGHUP"] {
            #expect(runHelp.standardOutput.contains(flag), "\(flag) missing from run --help")
        }
    }

    @Test func extractPrintsOnlyEventLinesCarryingRecordIds() throws {
        let sandbox = Sandbox()
        let input = sandbox.root + "/input.jsonl"
        try
            (Fixtures.record(id: "a-1", text: Fixtures.attack) + "\n"
            + Fixtures.record(id: "b-2", text: Fixtures.bombing) + "\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        let outcome = try run(["extract", input])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(!lines.isEmpty)
        var ids = Set<String>()
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            ids.insert(((object["doc"] as? [String: Any])?["id"] as? String) ?? "")
        }
        #expect(ids == ["a-1", "b-2"])
    }

    @Test func extractReadsStandardInput() throws {
        let outcome = try run(["extract", "-"], input: Fixtures.bombing)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("\"schema\":\"sitrep.event/1\""))
    }

    @Test func extractIsDeterministic() throws {
        let first = try run(["extract", "-"], input: Fixtures.attack)
        let second = try run(["extract", "-"], input: Fixtures.attack)
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.isEmpty)
    }

    @Test func extractReportsAMissingFileAndGoesOn() throws {
        let sandbox = Sandbox()
        let good = sandbox.root + "/good.txt"
        try Fixtures.bombing.write(toFile: good, atomically: true, encoding: .utf8)
        let outcome = try run(["extract", sandbox.root + "/missing.txt", good])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("missing.txt"))
        #expect(!outcome.standardOutput.isEmpty)
    }

    @Test func explainTellsTheRulesOfEachEventAndWhyCandidatesWereDropped() throws {
        let text =
            "A robber stabbed a shopkeeper during a burglary in Leeds. Gunmen killed three villagers near Goma."
        let outcome = try run(["extract", "--format", "text", "--explain", "-"], input: text)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        let notes = lines.filter { $0.hasPrefix("#") }
        #expect(notes.contains { $0.contains("dropped: frame crime") }, "\(notes)")
        #expect(notes.contains { $0.contains("event: ASSAULT (class kill, trigger \"killed\")") }, "\(notes)")
        // The events themselves are printed as without --explain.
        let events = lines.filter { $0.hasPrefix("{") }
        let plain = try run(["extract", "--format", "text", "-"], input: text)
        #expect(events == plain.standardOutput.split(separator: "\n").map(String.init))
        #expect(events.count == 1)
    }
}
