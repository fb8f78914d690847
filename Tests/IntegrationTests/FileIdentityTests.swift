import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A file is what it is, not what it is called: renamed streams, reused inodes, files still being
/// written, directories, stale state. Every wait is bounded; a stuck daemon fails the test.
@Suite(.serialized)
struct FileIdentityTests {
    func ids(_ sandbox: Sandbox) -> [String: Int] {
        var counts: [String: Int] = [:]
        for event in sandbox.events {
            if let id = (event["doc"] as? [String: Any])?["id"] as? String { counts[id, default: 0] += 1 }
        }
        return counts
    }

    func inode(_ path: String) -> UInt64? {
        var st = stat()
        return lstat(path, &st) == 0 ? UInt64(st.st_ino) : nil
    }

    func stop(_ daemon: DaemonProcess) {
        daemon.signal(SIGTERM)
        if daemon.waitForExit(timeout: 20) == nil {
            daemon.signal(SIGKILL)
            _ = daemon.waitForExit(timeout: 5)
        }
    }

    func checkpoint(_ sandbox: Sandbox) -> String {
        (try? String(contentsOfFile: sandbox.state + "/checkpoint.json", encoding: .utf8)) ?? ""
    }

    /// logrotate's `dateext` and a change of extension: the records already logged are not logged
    /// again, while the daemon runs and while it is stopped.
    @Test func aRenamedStreamIsNotReadAgain() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.append("wire.jsonl", Fixtures.record(id: "r1", text: Fixtures.attack) + "\n")
        #expect(sandbox.eventually { ids(sandbox)["r1"] != nil })
        let once = ids(sandbox)["r1"] ?? 0
        try FileManager.default.moveItem(
            atPath: sandbox.inbox + "/wire.jsonl", toPath: sandbox.inbox + "/wire-20260101.jsonl")
        sandbox.append("wire-20260101.jsonl", Fixtures.record(id: "r2", text: Fixtures.bombing) + "\n")
        #expect(sandbox.eventually { ids(sandbox)["r2"] != nil })
        stop(daemon)
        try FileManager.default.moveItem(
            atPath: sandbox.inbox + "/wire-20260101.jsonl", toPath: sandbox.inbox + "/wire.ndjson")
        sandbox.append("wire.ndjson", Fixtures.record(id: "r3", text: Fixtures.protest) + "\n")
        daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        #expect(sandbox.eventually { ids(sandbox)["r3"] != nil })
        usleep(500_000)
        let counts = ids(sandbox)
        #expect(counts["r1"] == once, "r1 logged again after a rename: \(counts)")
        #expect(counts.keys.sorted() == ["r1", "r2", "r3"])
        #expect(!checkpoint(sandbox).contains("wire-20260101.jsonl"))
        stop(daemon)
    }

    /// A stream deleted while the daemon was stopped and written again on the same inode, beginning
    /// like the old one: read from its start, no fragment rejected.
    @Test func aStreamRecreatedOnAReusedInodeIsReadFromItsStart() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        let long = Fixtures.record(
            id: "h", text: Fixtures.attack + " " + String(repeating: "Officials gave no details. ", count: 50)
        )
        sandbox.append("wire.jsonl", long + "\n" + Fixtures.record(id: "old", text: Fixtures.bombing) + "\n")
        #expect(sandbox.eventually { ids(sandbox)["old"] != nil })
        stop(daemon)
        let path = sandbox.inbox + "/wire.jsonl"
        let before = inode(path)
        // Written again from scratch on the same inode: to the daemon the same as a file deleted
        // and recreated on a reused inode, but certain to keep the inode on any file system.
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        close(fd)
        sandbox.append(
            "wire.jsonl",
            long + "\n" + Fixtures.record(id: "new1", text: Fixtures.protest) + "\n"
                + Fixtures.record(
                    id: "new2", text: Fixtures.bombing.replacingOccurrences(of: "12", with: "14"))
                + "\n")
        #expect(inode(path) == before)
        daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        #expect(sandbox.eventually { ids(sandbox)["new1"] != nil && ids(sandbox)["new2"] != nil })
        let failed = sandbox.names(in: sandbox.state + "/failed")
        #expect(failed.isEmpty, "a fragment was rejected: \(failed)")
        stop(daemon)
    }

    /// `on_complete = keep`: a new file of the same name, size and modification time on the reused
    /// inode of a kept one is a new document.
    @Test func aKeptDocumentReplacedOnItsInodeWithTheSameSizeAndTimeIsRead() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep", "--settle-ms", "100"])
        #expect(daemon.waitUntilReady())
        let first = Fixtures.attack
        let second = Fixtures.attack.replacingOccurrences(of: "Mosul", with: "Basra")
        #expect(first.utf8.count == second.utf8.count)
        sandbox.drop("a.txt", first)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "a.txt") > 0 })
        stop(daemon)
        let path = sandbox.inbox + "/a.txt"
        var st = stat()
        #expect(lstat(path, &st) == 0)
        let times = [st.st_atim, st.st_mtim]
        let before = UInt64(st.st_ino)
        // Rewritten on the same inode (as a new file on a reused one), then dated as the old one.
        let fd = open(path, O_WRONLY | O_TRUNC)
        let bytes = Array(second.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        #expect(inode(path) == before)
        daemon = try DaemonProcess(sandbox, arguments: ["--on-complete", "keep", "--settle-ms", "100"])
        #expect(daemon.waitUntilReady())
        #expect(sandbox.eventually { sandbox.logLines.contains { $0.contains("Basra") } })
        stop(daemon)
    }

    /// The positions of a rotated stream deleted while the daemon runs, and of a stream deleted
    /// while it is stopped, leave the checkpoint without waiting for another commit.
    @Test func positionsOfStreamsGoneFromTheInboxLeaveTheCheckpoint() throws {
        let sandbox = Sandbox()
        var daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        sandbox.append("wire.jsonl", Fixtures.record(id: "r1", text: Fixtures.attack) + "\n")
        sandbox.append("feed.jsonl", Fixtures.record(id: "f1", text: Fixtures.bombing) + "\n")
        #expect(sandbox.eventually { ids(sandbox)["r1"] != nil && ids(sandbox)["f1"] != nil })
        try FileManager.default.moveItem(
            atPath: sandbox.inbox + "/wire.jsonl", toPath: sandbox.inbox + "/wire.jsonl.1")
        #expect(sandbox.eventually { checkpoint(sandbox).contains("wire.jsonl.1") })
        unlink(sandbox.inbox + "/wire.jsonl.1")
        #expect(
            sandbox.eventually(timeout: 10) { !checkpoint(sandbox).contains("wire.jsonl") },
            "stale position kept: \(checkpoint(sandbox))")
        stop(daemon)
        unlink(sandbox.inbox + "/feed.jsonl")
        daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        #expect(
            sandbox.eventually(timeout: 10) { !checkpoint(sandbox).contains("feed.jsonl") },
            "stale position kept: \(checkpoint(sandbox))")
        stop(daemon)
    }

    /// A producer writing into a subdirectory of its own is left alone, whether the directory was
    /// made while the daemon runs or found by the start-up scan.
    @Test func leavesSubdirectoriesAlone() throws {
        let sandbox = Sandbox()
        try FileManager.default.createDirectory(
            atPath: sandbox.inbox + "/before", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(
            atPath: sandbox.inbox + "/before.jsonl", withIntermediateDirectories: false)
        let daemon = try DaemonProcess(sandbox, arguments: ["--settle-ms", "100"])
        #expect(daemon.waitUntilReady())
        try FileManager.default.createDirectory(
            atPath: sandbox.inbox + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(
            atPath: sandbox.inbox + "/sub.txt", withIntermediateDirectories: false)
        sandbox.drop("sub/inner.txt", Fixtures.protest)
        sandbox.drop("a.txt", Fixtures.attack)
        #expect(sandbox.eventually(timeout: 20) { sandbox.paths(ofEventsFrom: "a.txt") > 0 })
        usleep(300_000)
        #expect(sandbox.names(in: sandbox.inbox) == ["before", "before.jsonl", "sub", "sub.txt"])
        #expect(sandbox.names(in: sandbox.inbox + "/sub") == ["inner.txt"])
        #expect(sandbox.names(in: sandbox.state + "/failed").isEmpty)
        #expect(daemon.process.isRunning)
        stop(daemon)
    }

    /// Opens `path` for writing and writes `text`, keeping it open.
    func openWriter(_ path: String, _ text: String) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return fd
    }

    func finish(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Renamed in while still open, or found at start-up during a pause of its writer longer than
    /// `settle_ms`: read only once its writer has closed it, whole.
    @Test func aDocumentStillOpenForWritingIsReadWhenItsWriterClosesIt() throws {
        let sandbox = Sandbox()
        let (half, rest) = (
            "Gunmen attacked a police checkpoint south of Mosul on Monday, ",
            "killing three police officers, officials said.\n"
        )
        let later = "A car bomb exploded at a market in Kabul on 14 June 2020, killing 12 civilians.\n"
        // Found at start-up.
        let early = openWriter(sandbox.inbox + "/early.txt", half)
        usleep(300_000)
        let daemon = try DaemonProcess(sandbox, arguments: ["--settle-ms", "100"])
        #expect(daemon.waitUntilReady())
        // Renamed in while open.
        let staging = sandbox.root + "/moved.txt"
        let moved = openWriter(staging, half)
        try FileManager.default.moveItem(atPath: staging, toPath: sandbox.inbox + "/moved.txt")
        usleep(1_500_000)
        #expect(sandbox.paths(ofEventsFrom: "early.txt") == 0, "read while still open")
        #expect(sandbox.paths(ofEventsFrom: "moved.txt") == 0, "read while still open")
        #expect(sandbox.names(in: sandbox.inbox) == ["early.txt", "moved.txt"])
        finish(early, rest + later)
        finish(moved, rest + later)
        #expect(
            sandbox.eventually {
                sandbox.paths(ofEventsFrom: "early.txt") > 0 && sandbox.paths(ofEventsFrom: "moved.txt") > 0
                    && sandbox.names(in: sandbox.inbox).isEmpty
            })
        // The whole text was read: the bombing is in the second half.
        let kabul = sandbox.logLines.filter { $0.contains("Kabul") }
        #expect(kabul.contains { $0.contains("early.txt") } && kabul.contains { $0.contains("moved.txt") })
        stop(daemon)
    }
}

/// Memory taken to extract a large document is given back once it is done.
@Suite(.serialized)
struct MemoryReturnTests {
    /// A field of /proc/PID/status in kB (VmRSS, VmHWM).
    func kilobytes(_ field: String, pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            return nil
        }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(
                line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
        }
        return nil
    }

    @Test func theDaemonGivesMemoryBackAfterALargeDocument() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox, arguments: ["--max-document-ms", "300000"])
        #expect(daemon.waitUntilReady())
        let idleBefore = kilobytes("VmRSS", pid: daemon.pid) ?? 0
        var text = ""
        var index = 0
        while text.utf8.count < 3 << 20 {
            text += Fixtures.bombing.replacingOccurrences(of: "12", with: "\(index % 90 + 2)") + "\n\n"
            index += 1
        }
        try sandbox.deliver("large.txt", text)
        #expect(sandbox.eventually(timeout: 240) { sandbox.names(in: sandbox.inbox).isEmpty })
        usleep(500_000)
        let peak = kilobytes("VmHWM", pid: daemon.pid) ?? 0
        let idleAfter = kilobytes("VmRSS", pid: daemon.pid) ?? Int.max
        // The peak is many times the document; what stays is the idle daemon and a little more.
        #expect(peak > idleBefore + 3 * 1024 * 3, "the document did not raise the peak: \(peak) kB")
        #expect(
            idleAfter < idleBefore + (peak - idleBefore) / 4,
            "idle \(idleBefore) kB before, peak \(peak) kB, idle \(idleAfter) kB after")
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit(timeout: 20)
    }
}
