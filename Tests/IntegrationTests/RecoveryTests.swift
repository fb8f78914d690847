import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing lost, nothing doubled: crashes, restarts, damaged state, rotation, a full disk.
@Suite(.serialized)
struct RecoveryTests {
    static var rounds: Int { Int(ProcessInfo.processInfo.environment["SITREP_TORTURE_ROUNDS"] ?? "") ?? 6 }
    static var seed: UInt64 {
        UInt64(ProcessInfo.processInfo.environment["SITREP_TORTURE_SEED"] ?? "") ?? 20_261_124
    }

    /// Every line of the log is a whole JSON object.
    func expectWholeLines(_ sandbox: Sandbox, _ log: String? = nil) {
        let text = (try? String(contentsOfFile: log ?? sandbox.log, encoding: .utf8)) ?? ""
        #expect(text.isEmpty || text.hasSuffix("\n"), "log ends in a torn line")
        for line in text.split(separator: "\n") {
            #expect(
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil,
                "invalid line: \(line.prefix(80))")
        }
    }

    @Test func everyEventExactlyOnceWhenKilledAtRandomMoments() throws {
        let sandbox = Sandbox()
        var corpus = Corpus(seed: Self.seed)
        let staging = sandbox.root + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let documents = 8 * Self.rounds
        var stagedPaths: [String] = []
        for index in 0..<documents {
            let path = staging + "/doc-\(index).txt"
            try corpus.article(index).write(toFile: path, atomically: true, encoding: .utf8)
            stagedPaths.append(path)
        }
        var streamLines: [String] = []
        for index in 0..<(4 * Self.rounds) {
            streamLines.append(Fixtures.record(id: "s\(index)", text: corpus.article(1000 + index)))
        }
        try (streamLines.joined(separator: "\n") + "\n").write(
            toFile: staging + "/wire.jsonl", atomically: true, encoding: .utf8)
        let expected = try extractedEventIDs(stagedPaths + [staging + "/wire.jsonl"])
        #expect(expected.count >= documents, "the corpus should give at least one event per document")

        var delivered = 0
        var appended = 0
        // A downstream reader following the log through every crash and restart: it must receive
        // each event once (scripts/torture names its output file to count it too).
        let reader = try TailReader(
            log: sandbox.log,
            output: ProcessInfo.processInfo.environment["SITREP_TORTURE_TAIL_OUT"] ?? sandbox.root
                + "/tail.out")
        defer { reader.stop() }
        var daemon: DaemonProcess? = try DaemonProcess(sandbox)
        #expect(daemon!.waitUntilReady())
        for _ in 0..<Self.rounds {
            let target = min(documents, delivered + 4 + corpus.next(8))
            while delivered < target {
                let name = "doc-\(delivered).txt"
                if corpus.next(2) == 0 {
                    try FileManager.default.copyItem(
                        atPath: staging + "/" + name, toPath: sandbox.root + "/" + name)
                    try FileManager.default.moveItem(
                        atPath: sandbox.root + "/" + name, toPath: sandbox.inbox + "/" + name)
                } else {
                    sandbox.drop(name, try String(contentsOfFile: staging + "/" + name, encoding: .utf8))
                }
                delivered += 1
            }
            for _ in 0..<(1 + corpus.next(4)) where appended < streamLines.count {
                sandbox.append("wire.jsonl", streamLines[appended] + "\n")
                appended += 1
            }
            usleep(useconds_t(corpus.next(400_000)))
            daemon?.signal(SIGKILL)
            _ = daemon?.waitForExit()
            daemon = nil
            daemon = try DaemonProcess(sandbox)
            #expect(daemon!.waitUntilReady())
        }
        while delivered < documents {
            try sandbox.deliver(
                "doc-\(delivered).txt",
                try String(contentsOfFile: staging + "/doc-\(delivered).txt", encoding: .utf8))
            delivered += 1
        }
        while appended < streamLines.count {
            sandbox.append("wire.jsonl", streamLines[appended] + "\n")
            appended += 1
        }
        let total = expected.values.reduce(0, +)
        let finished = sandbox.eventually(timeout: 60) {
            sandbox.logLines.count >= total && sandbox.names(in: sandbox.inbox) == ["wire.jsonl"]
        }
        #expect(
            finished,
            "daemon running: \(daemon?.process.isRunning == true); status: \(daemon?.notify.messages.last ?? "")"
        )
        usleep(300_000)
        let actual = eventIDs(in: (try? String(contentsOfFile: sandbox.log, encoding: .utf8)) ?? "")
        #expect(
            actual == expected,
            "seed \(Self.seed): \(actual.filter { $0.value > 1 }.count) doubled, \(expected.keys.filter { actual[$0] == nil }.count) missing"
        )
        expectWholeLines(sandbox)
        #expect(reader.waitFor(lines: sandbox.logLines.count), "the tail -F reader fell behind")
        let received = eventIDs(in: reader.text)
        #expect(
            received == actual,
            "tail -F reader: \(received.filter { $0.value > 1 }.count) received twice, \(actual.keys.filter { received[$0] == nil }.count) not received; tail said: \(reader.complaints.prefix(300))"
        )
    }

    @Test func rebuildsProgressFromTheLogWhenTheCheckpointIsDamaged() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep"])
        #expect(daemon.waitUntilReady())
        sandbox.drop("a.txt", Fixtures.attack)
        sandbox.append("wire.jsonl", Fixtures.record(id: "w1", text: Fixtures.bombing) + "\n")
        #expect(
            sandbox.eventually {
                sandbox.paths(ofEventsFrom: "a.txt") > 0 && sandbox.paths(ofEventsFrom: "wire.jsonl") > 0
            })
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit()
        let before = sandbox.logLines.count
        // A power cut can leave a checkpoint full of zeros.
        try Data(repeating: 0, count: 512).write(to: URL(fileURLWithPath: sandbox.state + "/checkpoint.json"))
        sandbox.append("wire.jsonl", Fixtures.record(id: "w2", text: Fixtures.protest) + "\n")
        daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep", "--settle-ms", "0"])
        #expect(daemon.waitUntilReady())
        #expect(
            sandbox.eventually {
                sandbox.events.contains { ($0["doc"] as? [String: Any])?["id"] as? String == "w2" }
            })
        usleep(500_000)
        let ids = eventIDs(in: (try? String(contentsOfFile: sandbox.log, encoding: .utf8)) ?? "")
        #expect(ids.values.allSatisfy { $0 == 1 }, "events doubled after rebuilding from the log")
        #expect(sandbox.logLines.count > before)
        #expect(sandbox.names(in: sandbox.state).contains { $0.hasPrefix("checkpoint.json.corrupt-") })
        #expect(daemon.notify.messages.contains { $0.contains("checkpoint was unreadable") })
    }

    /// A `tail -F` reader saw "file truncated" and read every line of the cut tail twice.
    @Test func keepsTheLogTailPastTheCheckpointAndDoublesNothing() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit()
        let checkpointPath = sandbox.state + "/checkpoint.json"
        let earlyCheckpoint = try Data(contentsOf: URL(fileURLWithPath: checkpointPath))
        daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep"])
        #expect(daemon.waitUntilReady())
        sandbox.drop("a.txt", Fixtures.attack)
        sandbox.drop("gone.txt", Fixtures.bombing)
        #expect(
            sandbox.eventually {
                sandbox.paths(ofEventsFrom: "a.txt") > 0 && sandbox.paths(ofEventsFrom: "gone.txt") > 0
            })
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit()
        let logged = try Data(contentsOf: URL(fileURLWithPath: sandbox.log))
        // As if the daemon had died after logging those documents and before checkpointing them;
        // one of them is then taken back by its producer.
        try earlyCheckpoint.write(to: URL(fileURLWithPath: checkpointPath))
        try FileManager.default.removeItem(atPath: sandbox.inbox + "/gone.txt")
        daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep"])
        #expect(daemon.waitUntilReady())
        sandbox.drop("b.txt", Fixtures.protest)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "b.txt") > 0 })
        usleep(300_000)
        let after = try Data(contentsOf: URL(fileURLWithPath: sandbox.log))
        #expect(after.prefix(logged.count) == logged, "the log was cut back")
        let ids = eventIDs(in: String(decoding: after, as: UTF8.self))
        #expect(ids.values.allSatisfy { $0 == 1 }, "events doubled: \(ids.filter { $0.value > 1 })")
        #expect(sandbox.paths(ofEventsFrom: "gone.txt") > 0)
        // A second restart finds nothing left to recover and still doubles nothing.
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit()
        daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep"])
        #expect(daemon.waitUntilReady())
        usleep(500_000)
        let again = eventIDs(in: (try? String(contentsOfFile: sandbox.log, encoding: .utf8)) ?? "")
        #expect(again.values.allSatisfy { $0 == 1 })
    }

    @Test func cutsBackATornLastLineAtStart() throws {
        let sandbox = Sandbox()
        try "{\"schema\":\"sitrep.event/1\",\"id\":\"x\"}\n{\"schema\":\"sitr".write(
            toFile: sandbox.log, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.drop("a.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "a.txt") > 0 })
        expectWholeLines(sandbox)
    }

    @Test func followsAStreamThroughRotationTruncationAndReplacement() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        func has(_ id: String) -> Bool {
            sandbox.events.contains { ($0["doc"] as? [String: Any])?["id"] as? String == id }
        }
        sandbox.append("wire.jsonl", Fixtures.record(id: "r1", text: Fixtures.attack) + "\n")
        #expect(sandbox.eventually { has("r1") })
        // Rotation while running: the line written just before the rename is still read.
        sandbox.append("wire.jsonl", Fixtures.record(id: "r2", text: Fixtures.bombing) + "\n")
        try FileManager.default.moveItem(
            atPath: sandbox.inbox + "/wire.jsonl", toPath: sandbox.inbox + "/wire.jsonl.1")
        sandbox.append("wire.jsonl", Fixtures.record(id: "r3", text: Fixtures.protest) + "\n")
        #expect(sandbox.eventually { has("r2") && has("r3") })
        // Rotation while stopped.
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        sandbox.append(
            "wire.jsonl",
            Fixtures.record(id: "r4", text: Fixtures.attack.replacingOccurrences(of: "three", with: "four"))
                + "\n")
        try FileManager.default.removeItem(atPath: sandbox.inbox + "/wire.jsonl.1")
        try FileManager.default.moveItem(
            atPath: sandbox.inbox + "/wire.jsonl", toPath: sandbox.inbox + "/wire.jsonl.1")
        sandbox.append(
            "wire.jsonl",
            Fixtures.record(id: "r5", text: Fixtures.bombing.replacingOccurrences(of: "12", with: "13"))
                + "\n")
        daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        #expect(sandbox.eventually { has("r4") && has("r5") })
        // Truncation (copytruncate): the new content is read from the start.
        #expect(truncate(sandbox.inbox + "/wire.jsonl", 0) == 0)
        sandbox.append(
            "wire.jsonl",
            Fixtures.record(id: "r6", text: Fixtures.protest.replacingOccurrences(of: "40", with: "41"))
                + "\n")
        #expect(sandbox.eventually { has("r6") })
        usleep(300_000)
        let ids = sandbox.events.compactMap { ($0["doc"] as? [String: Any])?["id"] as? String }
        #expect(Set(ids) == ["r1", "r2", "r3", "r4", "r5", "r6"])
        let perRecord = Dictionary(
            grouping: sandbox.events, by: { "\(($0["doc"] as? [String: Any])?["id"] ?? "")" }
        ).mapValues(\.count)
        let expectedPerRecord = try extractedPerRecord(sandbox)
        #expect(perRecord == expectedPerRecord)
    }

    /// How many events each fixture record gives on its own.
    func extractedPerRecord(_ sandbox: Sandbox) throws -> [String: Int] {
        let texts: [(String, String)] = [
            ("r1", Fixtures.attack), ("r2", Fixtures.bombing), ("r3", Fixtures.protest),
            ("r4", Fixtures.attack.replacingOccurrences(of: "three", with: "four")),
            ("r5", Fixtures.bombing.replacingOccurrences(of: "12", with: "13")),
            ("r6", Fixtures.protest.replacingOccurrences(of: "40", with: "41")),
        ]
        let path = sandbox.root + "/expected.jsonl"
        try texts.map { Fixtures.record(id: $0.0, text: $0.1) }.joined(separator: "\n").appending("\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["extract", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var counts: [String: Int] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            counts["\((object?["doc"] as? [String: Any])?["id"] ?? "")", default: 0] += 1
        }
        return counts
    }

    @Test func startsANewLogWhenTheLogIsDeleted() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.drop("a.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "a.txt") > 0 })
        try FileManager.default.removeItem(atPath: sandbox.log)
        sandbox.drop("b.txt", Fixtures.bombing)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "b.txt") > 0 })
        expectWholeLines(sandbox)
    }

    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func pausesOnAFullDiskAndResumesWhenSpaceReturns() throws {
        let sandbox = Sandbox()
        let disk = sandbox.root + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard mount("tmpfs", disk, "tmpfs", 0, "size=256k") == 0 else {
            Issue.record("could not mount a tmpfs (errno \(errno))")
            return
        }
        defer { umount2(disk, Int32(MNT_DETACH)) }
        let log = disk + "/events.jsonl"
        let daemon = try DaemonProcess(sandbox, arguments: ["--log", log])
        #expect(daemon.waitUntilReady())
        // Fill the disk.
        let filler = disk + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0x41, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        close(fd)
        for index in 0..<5 {
            sandbox.drop("doc\(index).txt", Corpus(seed: UInt64(index + 7)).articleCopy(index))
        }
        #expect(daemon.notify.waitFor { $0.contains("paused") && $0.contains("No space left") } != nil)
        #expect(sandbox.names(in: sandbox.inbox).count == 5, "documents must stay in the inbox while paused")
        unlink(filler)
        #expect(sandbox.eventually(timeout: 30) { sandbox.names(in: sandbox.inbox).isEmpty })
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let ids = eventIDs(in: text)
        #expect(ids.count >= 5)
        #expect(ids.values.allSatisfy { $0 == 1 })
        expectWholeLines(sandbox, log)
    }
}

extension Corpus {
    func articleCopy(_ index: Int) -> String {
        var copy = self
        return copy.article(index)
    }
}
