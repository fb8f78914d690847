import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the built `sitrep` binary is: $SITREP_BIN, or beside the test runner.
enum Binary {
    static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["SITREP_BIN"] { return explicit }
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: me).deletingLastPathComponent()
        // The test runner may sit inside a .xctest bundle directory.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("sitrep").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return ".build/debug/sitrep"
    }
}

/// A sandbox for one daemon: inbox, state, log and notify socket in a temporary directory.
final class Sandbox {
    let root: String
    var inbox: String { root + "/inbox" }
    var state: String { root + "/state" }
    var log: String { root + "/events.jsonl" }

    init() {
        // Short paths: a unix socket path must fit in 108 bytes.
        root = "/tmp/sitrep-it-" + String(UUID().uuidString.prefix(8))
        try! FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
    }

    deinit {
        // SITREP_KEEP_SANDBOX=1 keeps the directories of a failing test for a look.
        if ProcessInfo.processInfo.environment["SITREP_KEEP_SANDBOX"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    /// Writes a file the way most tools do: create, write, close.
    func drop(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: inbox + "/" + name, contents: Data(text.utf8))
    }

    /// Writes elsewhere, then renames into the inbox (atomic delivery).
    func deliver(_ name: String, _ text: String) throws {
        let staging = root + "/" + name + ".staging"
        FileManager.default.createFile(atPath: staging, contents: Data(text.utf8))
        try FileManager.default.moveItem(atPath: staging, toPath: inbox + "/" + name)
    }

    /// Appends with a plain write(2) and close, as a log writer would.
    func append(_ name: String, _ text: String) {
        let fd = open(inbox + "/" + name, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        precondition(fd >= 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    var logLines: [String] {
        guard let data = FileManager.default.contents(atPath: log) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    var events: [[String: Any]] {
        logLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func paths(ofEventsFrom file: String) -> Int {
        events.filter { ($0["doc"] as? [String: Any])?["path"] as? String == file }.count
    }

    func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Polls until `condition` holds or `timeout` passes.
    @discardableResult
    func eventually(timeout: TimeInterval = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}

/// The real binary, started with a fake notify socket.
final class DaemonProcess {
    let process = Process()
    let notify: NotifyListener
    /// The daemon's stderr goes to a file in the sandbox (a pipe nobody reads could fill up).
    let stderrPath: String

    init(_ sandbox: Sandbox, arguments: [String] = [], environment extra: [String: String] = [:]) throws {
        notify = try NotifyListener(path: sandbox.root + "/notify-\(UUID().uuidString.prefix(6)).sock")
        process.executableURL = URL(fileURLWithPath: Binary.path)
        let verbosity =
            ProcessInfo.processInfo.environment["SITREP_TEST_LOG_LEVEL"].map { ["--log-level", $0] } ?? []
        process.arguments =
            ["run", "--inbox", sandbox.inbox, "--state", sandbox.state, "--log", sandbox.log] + verbosity
            + arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SITREP_") }
        environment["NOTIFY_SOCKET"] = notify.path
        environment.removeValue(forKey: "JOURNAL_STREAM")
        environment.removeValue(forKey: "WATCHDOG_USEC")
        environment.removeValue(forKey: "WATCHDOG_PID")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        stderrPath = sandbox.root + "/daemon-\(UUID().uuidString.prefix(6)).log"
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        notify.stop()
    }

    var pid: Int32 { process.processIdentifier }

    func waitUntilReady() -> Bool { notify.waitFor { $0.contains("READY=1") } != nil }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Waits for the process to end; nil if it is still running after `timeout`.
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// User + system CPU time of the process so far, in clock ticks.
    var cpuTicks: Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return -1 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14, stime 15.
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// Voluntary + involuntary context switches of all the process's threads (each one a wake-up).
    var contextSwitches: Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var total = 0
        for task in tasks {
            guard
                let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)
            else { continue }
            for line in status.split(separator: "\n") where line.contains("ctxt_switches") {
                let value = line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? ""
                total += Int(value) ?? 0
            }
        }
        return total
    }
}
