import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a demanding user or operator does to the real binary: inputs built to be slow, signals,
/// two daemons on one state, a full disk.
@Suite(.serialized)
struct HostileUserTests {
    /// Runs the binary with its stdout on `output`, stderr captured; returns status and stderr.
    func run(_ arguments: [String], stdout output: FileHandle) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SITREP_") }
        let errorPath = NSTemporaryDirectory() + "sitrep-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = String(
            decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, stderr)
    }

    /// One sentence that never ends: abbreviations keep the splitter from cutting it, and a
    /// trigger in every few words makes every stage look at it.
    static func runOnSentence(bytes: Int) -> String {
        let unit = "Gen. Col. Lt. Mr. Dr. U.S. U.N. No. 5 attacked "
        return String(repeating: unit, count: bytes / unit.utf8.count + 1)
    }

    /// Runs the binary with stdout and stderr on /dev/null; its exit status and the CPU seconds it
    /// used (from wait4, so that the load of a shared machine does not count).
    func cpuSeconds(_ arguments: [String]) -> (status: Int32, seconds: Double) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([Binary.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, Binary.path, &actions, nil, argv, environ) == 0 else { return (-1, 0) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ((status >> 8) & 0xff, seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }

    /// Four times the text may cost about four times the time, not sixteen.
    @Test func aLongSentenceOfAbbreviationsCostsTimeLinearInItsLength() throws {
        let sandbox = Sandbox()
        var costs: [Double] = []
        for size in [128 << 10, 512 << 10] {
            let path = sandbox.root + "/long-\(size).txt"
            try Self.runOnSentence(bytes: size).write(toFile: path, atomically: true, encoding: .utf8)
            let run = cpuSeconds(["extract", path])
            #expect(run.status == 0)
            costs.append(run.seconds)
        }
        #expect(costs[1] < costs[0] * 7 + 0.5, "128 KiB: \(costs[0]) s, 512 KiB: \(costs[1]) s")
    }

    @Test func aDocumentOverItsTimeBudgetGoesToFailedWithItsReason() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox, environment: ["SITREP_MAX_DOCUMENT_MS": "300"])
        #expect(daemon.waitUntilReady())
        let article = Fixtures.attack + "\n\n" + Fixtures.protest + "\n\n"
        sandbox.drop("huge.txt", String(repeating: article, count: 8 << 20 / article.utf8.count))
        let reasonPath = sandbox.state + "/failed/huge.txt.reason"
        #expect(sandbox.eventually(timeout: 60) { FileManager.default.fileExists(atPath: reasonPath) })
        let reason = (try? String(contentsOfFile: reasonPath, encoding: .utf8)) ?? ""
        #expect(reason.contains("max_document_ms (300 ms)"), "\(reason)")
        #expect(sandbox.paths(ofEventsFrom: "huge.txt") == 0)
        // The daemon goes on with the next file.
        sandbox.drop("after.txt", Fixtures.bombing)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "after.txt") > 0 })
    }

    @Test func maxDocumentMsMustBeAPositiveWholeNumber() throws {
        let sandbox = Sandbox()
        let result = try SitrepRun(
            ["run", "--inbox", sandbox.inbox, "--state", sandbox.state, "--log", sandbox.log],
            environment: ["SITREP_MAX_DOCUMENT_MS": "0"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("max_document_ms"), "\(result.standardError)")
    }

    @Test func sigabrtEndsTheDaemon() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        daemon.signal(SIGABRT)
        #expect(daemon.waitForExit(timeout: 20) != nil, "still running after SIGABRT")
        #expect(daemon.process.terminationReason == .uncaughtSignal)
        #expect(daemon.process.terminationStatus == SIGABRT)
    }

    @Test func aSecondDaemonOnTheSameStateRefusesToStart() throws {
        let sandbox = Sandbox()
        let first = try DaemonProcess(sandbox)
        #expect(first.waitUntilReady())
        let lock = (try? String(contentsOfFile: sandbox.state + "/lock", encoding: .utf8)) ?? ""
        let lines = lock.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty, "\(lock)")
        #expect(lines.first == "pid=\(first.pid)"[...], "\(lock)")
        #expect(
            lines.count > 1 && lines[1].hasPrefix("started=20") && lines[1].hasSuffix("Z"), "\(lock)")

        let second = try SitrepRun(
            ["run", "--inbox", sandbox.inbox, "--state", sandbox.state, "--log", sandbox.root + "/other.jsonl"])
        #expect(second.status == 2)
        #expect(second.standardError.split(separator: "\n").count == 1, "\(second.standardError)")
        #expect(second.standardError.contains("in use by another sitrep (pid \(first.pid))"))
        #expect(first.process.isRunning)

        // Once the holder is gone, however it ended, the state is free again.
        first.signal(SIGKILL)
        _ = first.waitForExit()
        let third = try DaemonProcess(sandbox)
        #expect(third.waitUntilReady())
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func extractToAFullDiskFailsWithExitCode1() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/news.txt"
        try (Fixtures.attack + "\n\n" + Fixtures.bombing).write(toFile: path, atomically: true, encoding: .utf8)
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let result = try run(["extract", path], stdout: full)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write standard output"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}
