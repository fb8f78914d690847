import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real binary against temporary directories, with a fake notify socket.
@Suite(.serialized)
struct DaemonTests {
    @Test func diesOnSIGABRTEvenWithTheRuntimeBacktracerOn() throws {
        let sandbox = Sandbox()
        // The backtracer (on by default in static builds) caught SIGABRT and let the process go on.
        let daemon = try DaemonProcess(
            sandbox, environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=no"])
        #expect(daemon.waitUntilReady())
        let status = (try? String(contentsOfFile: "/proc/\(daemon.pid)/status", encoding: .utf8)) ?? ""
        let caught = status.split(separator: "\n").first { $0.hasPrefix("SigCgt:") }
            .flatMap { UInt64($0.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) }
        #expect(caught.map { $0 & (1 << (UInt64(SIGABRT) - 1)) == 0 } == true, "SIGABRT is caught")
        daemon.signal(SIGABRT)
        #expect(daemon.waitForExit(timeout: 30) != nil, "still running after SIGABRT")
        #expect(daemon.process.terminationReason == .uncaughtSignal)
        #expect(daemon.process.terminationStatus == SIGABRT)
    }

    @Test func aSecondDaemonOnTheSameStateRefusesToStart() throws {
        let sandbox = Sandbox()
        let first = try DaemonProcess(sandbox)
        #expect(first.waitUntilReady())
        let lock = (try? String(contentsOfFile: sandbox.state + "/lock", encoding: .utf8)) ?? ""
        #expect(lock.contains("pid=\(first.pid)\n"))
        #expect(lock.contains("started=20"))
        let second = try DaemonProcess(sandbox)
        #expect(second.waitForExit(timeout: 60) == 2)
        let message = (try? String(contentsOfFile: second.stderrPath, encoding: .utf8)) ?? ""
        #expect(message.contains("is in use by another sitrep run (pid \(first.pid)"), "\(message)")
        #expect(message.split(separator: "\n").count == 1, "\(message)")
        #expect(first.process.isRunning)
        // The lock goes with its holder, however it ends.
        first.signal(SIGKILL)
        _ = first.waitForExit()
        let third = try DaemonProcess(sandbox)
        #expect(third.waitUntilReady())
    }

    @Test func ingestsTheBacklogThenReportsReady() throws {
        let sandbox = Sandbox()
        sandbox.drop("old.txt", Fixtures.attack)
        // Old enough to be taken as complete by the start-up scan.
        let past = Date().addingTimeInterval(-60)
        try FileManager.default.setAttributes(
            [.modificationDate: past], ofItemAtPath: sandbox.inbox + "/old.txt")
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "old.txt") > 0 })
        #expect(sandbox.eventually { sandbox.names(in: sandbox.state + "/processed") == ["old.txt"] })
        #expect(sandbox.names(in: sandbox.inbox).isEmpty)
        // "1 document", the noun agreeing with its count.
        let status = daemon.notify.waitFor { $0.contains("STATUS=") && $0.contains(": 1 document,") }
        #expect(status != nil)
    }

    @Test func readsAFileDatedInTheFuture() throws {
        let sandbox = Sandbox()
        sandbox.drop("future.txt", Fixtures.attack)
        // A clock stepped back, `touch -d`, an archive: settling once waited for this day to come.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(86_400)],
            ofItemAtPath: sandbox.inbox + "/future.txt")
        let daemon = try DaemonProcess(sandbox, arguments: ["--settle-ms", "300"])
        #expect(daemon.waitUntilReady())
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "future.txt") > 0 })
    }

    @Test func aReloadedLogLevelReachesTheIngestorsLines() throws {
        let sandbox = Sandbox()
        let config = sandbox.root + "/sitrep.conf"
        try "log_level = info\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(sandbox, arguments: ["--config", config])
        #expect(daemon.waitUntilReady())
        try "log_level = debug\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(daemon.notify.waitFor { $0.contains("RELOADING=1") } != nil)
        usleep(300_000)
        sandbox.drop("a.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "a.txt") > 0 })
        // "document read" is the ingestor's debug line.
        #expect(
            sandbox.eventually {
                ((try? String(contentsOfFile: daemon.stderrPath, encoding: .utf8)) ?? "").contains(
                    "document read")
            })
    }

    @Test func readsAFileWhenItsWriterClosesIt() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.drop("closed.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "closed.txt") > 0 })
        let event = try #require(sandbox.events.first)
        #expect(event["schema"] as? String == "sitrep.event/1")
        #expect((event["doc"] as? [String: Any])?["sha256"] as? String != nil)
    }

    @Test func readsAFileRenamedIntoTheInbox() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        try sandbox.deliver("renamed.html", "<html><body><p>\(Fixtures.bombing)</p></body></html>")
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "renamed.html") > 0 })
    }

    @Test func waitsForASlowWriterToClose() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        let fd = open(sandbox.inbox + "/slow.txt", O_WRONLY | O_CREAT, 0o644)
        let text = Array(Fixtures.attack.utf8)
        let half = text.count / 2
        _ = text[..<half].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        usleep(1_500_000)  // longer than the settle time: an open file must still not be read
        #expect(sandbox.logLines.isEmpty)
        #expect(sandbox.names(in: sandbox.inbox) == ["slow.txt"])
        _ = text[half...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "slow.txt") > 0 })
        // Read whole: the same document digest as a one-shot extraction of the complete text.
        let whole = sandbox.root + "/whole.txt"
        try Fixtures.attack.write(toFile: whole, atomically: true, encoding: .utf8)
        let expected = try extractedEventIDs([whole])
        #expect(eventIDs(in: sandbox.logLines.joined(separator: "\n")) == expected)
    }

    @Test func ignoresTemporaryNamesUntilRenamed() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.drop("draft.txt.part", Fixtures.attack)
        sandbox.drop(".hidden.txt", Fixtures.attack)
        usleep(500_000)
        #expect(sandbox.logLines.isEmpty)
        try FileManager.default.moveItem(
            atPath: sandbox.inbox + "/draft.txt.part", toPath: sandbox.inbox + "/draft.txt")
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "draft.txt") > 0 })
        #expect(sandbox.eventually { sandbox.names(in: sandbox.inbox) == [".hidden.txt"] })
    }

    @Test func tailsAGrowingJSONLinesStreamLineByLine() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.append("wire.jsonl", Fixtures.record(id: "r1", text: Fixtures.attack) + "\n")
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "wire.jsonl") > 0 })
        let afterFirst = sandbox.logLines.count
        // A partial line waits for its newline.
        let second = Fixtures.record(id: "r2", text: Fixtures.bombing)
        let cut = second.index(second.startIndex, offsetBy: 20)
        sandbox.append("wire.jsonl", String(second[..<cut]))
        usleep(500_000)
        #expect(sandbox.logLines.count == afterFirst)
        sandbox.append("wire.jsonl", String(second[cut...]) + "\n")
        #expect(
            sandbox.eventually {
                sandbox.events.contains { ($0["doc"] as? [String: Any])?["id"] as? String == "r2" }
            })
        let ids = sandbox.events.compactMap { ($0["doc"] as? [String: Any])?["id"] as? String }
        #expect(Set(ids) == ["r1", "r2"])
        let records = sandbox.events.compactMap { ($0["doc"] as? [String: Any])?["record"] as? Int }
        #expect(Set(records) == [0, 1])
        #expect(sandbox.eventually { sandbox.names(in: sandbox.inbox) == ["wire.jsonl"] })
    }

    @Test func movesWhatItCannotReadToFailedWithAReason() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.drop("scan.pdf", "%PDF-1.4")
        sandbox.drop("broken.json", "{\"text\": ")
        #expect(mkfifo(sandbox.inbox + "/pipe.txt", 0o644) == 0)
        let failed = sandbox.state + "/failed"
        #expect(
            sandbox.eventually {
                Set(sandbox.names(in: failed)).isSuperset(of: [
                    "scan.pdf", "scan.pdf.reason", "broken.json", "broken.json.reason", "pipe.txt",
                    "pipe.txt.reason",
                ])
            })
        let reason = try String(contentsOfFile: failed + "/pipe.txt.reason", encoding: .utf8)
        #expect(reason.contains("fifo"))
        #expect(sandbox.logLines.isEmpty)
    }

    @Test func reloadsOnSIGHUPAndReopensARotatedLog() throws {
        let sandbox = Sandbox()
        let config = sandbox.root + "/sitrep.conf"
        try "on_complete = move\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(sandbox, arguments: ["--config", config])
        #expect(daemon.waitUntilReady())
        sandbox.drop("first.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "first.txt") > 0 })
        let firstCount = sandbox.logLines.count
        try FileManager.default.moveItem(atPath: sandbox.log, toPath: sandbox.log + ".1")
        try "on_complete = delete\n".write(toFile: config, atomically: true, encoding: .utf8)
        let readyBefore = daemon.notify.messages.filter { $0.contains("READY=1") }.count
        daemon.signal(SIGHUP)
        let reloading = daemon.notify.waitFor { $0.contains("RELOADING=1") }
        #expect(reloading?.contains("MONOTONIC_USEC=") == true)
        #expect(
            daemon.notify.waitFor {
                $0.contains("READY=1")
                    && daemon.notify.messages.filter { $0.contains("READY=1") }.count > readyBefore
            } != nil)
        sandbox.drop("second.txt", Fixtures.bombing)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "second.txt") > 0 })
        // The rotated file keeps its lines; the new one has only the new document's.
        let rotated = try String(contentsOfFile: sandbox.log + ".1", encoding: .utf8)
        #expect(rotated.split(separator: "\n").count == firstCount)
        #expect(sandbox.paths(ofEventsFrom: "first.txt") == 0)
        // The reloaded configuration applies: the document was deleted, not moved.
        #expect(sandbox.eventually { sandbox.names(in: sandbox.inbox).isEmpty })
        #expect(sandbox.names(in: sandbox.state + "/processed") == ["first.txt"])
    }

    @Test func stopsCleanlyOnSIGTERM() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        #expect(daemon.notify.waitFor { $0.contains("STOPPING=1") } != nil)
    }

    @Test func staysAsleepWhileIdle() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.drop("warmup.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "warmup.txt") > 0 })
        usleep(300_000)
        let ticksBefore = daemon.cpuTicks
        let switchesBefore = daemon.contextSwitches
        usleep(2_000_000)
        let ticks = daemon.cpuTicks - ticksBefore
        let switches = daemon.contextSwitches - switchesBefore
        #expect(ticks <= 1, "CPU ticks while idle: \(ticks)")
        #expect(switches <= 4, "wake-ups while idle: \(switches)")
    }

    @Test func doesNotReadTheSameDocumentTwiceAcrossRestarts() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep"])
        #expect(daemon.waitUntilReady())
        sandbox.drop("kept.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "kept.txt") > 0 })
        let count = sandbox.logLines.count
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep", "--settle-ms", "0"])
        #expect(daemon.waitUntilReady())
        usleep(500_000)
        #expect(sandbox.logLines.count == count)
        #expect(sandbox.names(in: sandbox.inbox) == ["kept.txt"])
    }

    @Test func pingsTheWatchdogAtHalfTheInterval() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox, environment: ["WATCHDOG_USEC": "400000"])
        #expect(daemon.waitUntilReady())
        #expect(daemon.notify.waitFor(timeout: 3) { $0 == "WATCHDOG=1" } != nil)
        let before = daemon.notify.messages.filter { $0 == "WATCHDOG=1" }.count
        usleep(1_100_000)
        daemon.notify.drain()
        let pings = daemon.notify.messages.filter { $0 == "WATCHDOG=1" }.count - before
        #expect(pings >= 4, "watchdog pings in 1.1 s at a 0.2 s period: \(pings)")
    }

    @Test func reportsAFatalStartupErrorToTheServiceManager() throws {
        let sandbox = Sandbox()
        let listener = try NotifyListener(path: sandbox.root + "/fatal.sock")
        defer { listener.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = [
            "run", "--inbox", sandbox.root + "/gone/inbox", "--state", sandbox.state, "--log", sandbox.log,
        ]
        process.environment = ["NOTIFY_SOCKET": listener.path, "PATH": "/usr/bin:/bin"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let message = listener.waitFor(timeout: 5) { $0.contains("ERRNO=") }
        #expect(message?.contains("ERRNO=2") == true)
        #expect(message?.contains("STATUS=Cannot start: inbox") == true)
    }

    @Test func takesSettingsFromTheEnvironment() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox, environment: ["SITREP_ON_COMPLETE": "delete"])
        #expect(daemon.waitUntilReady())
        sandbox.drop("env.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "env.txt") > 0 })
        #expect(sandbox.eventually { sandbox.names(in: sandbox.inbox).isEmpty })
        #expect(sandbox.names(in: sandbox.state + "/processed").isEmpty)
    }
}
