import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Whatever lands in the inbox must neither hang, crash nor leak.
@Suite(.serialized)
struct HostileInboxTests {
    /// Starts a daemon, lets `prepare` put things in the inbox, and checks it is still alive after.
    func withDaemon(
        arguments: [String] = [], _ body: (Sandbox, DaemonProcess) throws -> Void
    ) throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox, arguments: arguments)
        #expect(daemon.waitUntilReady())
        try body(sandbox, daemon)
        // Still alive and still working.
        sandbox.drop("after.txt", Fixtures.bombing)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "after.txt") > 0 }, "daemon stopped working")
        #expect(daemon.process.isRunning)
        for line in sandbox.logLines {
            #expect(
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "invalid log line: \(line)"
            )
        }
    }

    func reason(_ sandbox: Sandbox, _ name: String) -> String? {
        try? String(contentsOfFile: sandbox.state + "/failed/" + name + ".reason", encoding: .utf8)
    }

    @Test func neverFollowsASymbolicLinkOutOfTheInbox() throws {
        try withDaemon { sandbox, _ in
            let secret = sandbox.root + "/secret.txt"
            try "SECRETMARKER: rebels killed 40 soldiers in Kandahar.".write(
                toFile: secret, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: sandbox.inbox + "/link.txt", withDestinationPath: secret)
            #expect(sandbox.eventually { reason(sandbox, "link.txt")?.contains("symbolic link") == true })
            #expect(!sandbox.logLines.joined().contains("SECRETMARKER"))
        }
    }

    @Test func neverReadsAHardLinkToAnotherFile() throws {
        try withDaemon { sandbox, _ in
            let secret = sandbox.root + "/secret.txt"
            try "SECRETMARKER: rebels killed 40 soldiers in Kandahar.".write(
                toFile: secret, atomically: true, encoding: .utf8)
            #expect(link(secret, sandbox.inbox + "/hard.txt") == 0)
            #expect(sandbox.eventually { reason(sandbox, "hard.txt")?.contains("hard link") == true })
            #expect(!sandbox.logLines.joined().contains("SECRETMARKER"))
        }
    }

    @Test func neverBlocksOnFIFOsOrSockets() throws {
        try withDaemon { sandbox, _ in
            #expect(mkfifo(sandbox.inbox + "/pipe.html", 0o666) == 0)
            let socketHolder = try NotifyListener(path: sandbox.inbox + "/sock.txt")
            defer { socketHolder.stop() }
            #expect(sandbox.eventually { reason(sandbox, "pipe.html")?.contains("fifo") == true })
            #expect(sandbox.eventually { reason(sandbox, "sock.txt")?.contains("socket") == true })
        }
    }

    @Test(.enabled(if: getuid() == 0, "creating a device node needs root"))
    func neverOpensADeviceNode() throws {
        try withDaemon { sandbox, _ in
            // /dev/zero's numbers: reading it would never end.
            #expect(mknod(sandbox.inbox + "/zero.txt", S_IFCHR | 0o666, dev_t((1 << 8) | 5)) == 0)
            #expect(sandbox.eventually { reason(sandbox, "zero.txt")?.contains("character device") == true })
        }
    }

    @Test func survivesBinaryJunkNULsAndInvalidUTF8() throws {
        try withDaemon { sandbox, _ in
            var junk = [UInt8](repeating: 0, count: 4096)
            var state: UInt32 = 12345
            for index in junk.indices {
                state = state &* 1_103_515_245 &+ 12345
                junk[index] = UInt8(truncatingIfNeeded: state >> 16)
            }
            FileManager.default.createFile(atPath: sandbox.inbox + "/junk.txt", contents: Data(junk))
            var mixed = Array("Troops shelled Idlib on 2 May 2020, killing 4 civilians.\0\0 ".utf8)
            mixed += [0xFF, 0xFE, 0xC3, 0x28] + Array(" more text".utf8)
            FileManager.default.createFile(atPath: sandbox.inbox + "/mixed.txt", contents: Data(mixed))
            #expect(
                sandbox.eventually {
                    !sandbox.names(in: sandbox.inbox).contains("junk.txt")
                        && !sandbox.names(in: sandbox.inbox).contains("mixed.txt")
                })
        }
    }

    @Test func rejectsADocumentOverTheSizeLimitWithoutReadingIt() throws {
        try withDaemon(arguments: ["--max-file-bytes", "2000"]) { sandbox, _ in
            sandbox.drop("big.txt", String(repeating: Fixtures.attack + "\n", count: 20))
            #expect(sandbox.eventually { reason(sandbox, "big.txt")?.contains("too large") == true })
        }
    }

    @Test func setsAsideADocumentThatTakesLongerThanItsTimeBudget() throws {
        try withDaemon(arguments: ["--max-document-ms", "1"]) { sandbox, _ in
            sandbox.drop("slow.txt", String(repeating: Fixtures.attack + "\n", count: 3000))
            #expect(
                sandbox.eventually { reason(sandbox, "slow.txt")?.contains("max_document_ms (1 ms)") == true }
            )
            #expect(sandbox.paths(ofEventsFrom: "slow.txt") == 0)
        }
    }

    @Test func setsAsideAStreamRecordThatTakesLongerThanItsTimeBudget() throws {
        try withDaemon(arguments: ["--max-document-ms", "1"]) { sandbox, _ in
            let slow = Fixtures.record(
                id: "slow", text: String(repeating: Fixtures.attack + " ", count: 3000))
            sandbox.append(
                "wire.jsonl", slow + "\n" + Fixtures.record(id: "next", text: Fixtures.attack) + "\n")
            #expect(
                sandbox.eventually {
                    sandbox.events.contains { ($0["doc"] as? [String: Any])?["id"] as? String == "next" }
                })
            #expect(
                sandbox.eventually {
                    reason(sandbox, "wire.jsonl.record-0")?.contains("max_document_ms") == true
                })
        }
    }

    @Test func rejectsAnEmptyFileWithAReason() throws {
        try withDaemon { sandbox, _ in
            sandbox.drop("empty.txt", "")
            #expect(sandbox.eventually { reason(sandbox, "empty.txt") != nil })
        }
    }

    @Test func skipsAnOverlongStreamLineAndGoesOn() throws {
        try withDaemon(arguments: ["--max-line-bytes", "4096"]) { sandbox, _ in
            let long = Fixtures.record(id: "long", text: String(repeating: "word ", count: 5000))
            sandbox.append(
                "wire.jsonl", long + "\n" + Fixtures.record(id: "next", text: Fixtures.attack) + "\n")
            #expect(
                sandbox.eventually {
                    sandbox.events.contains { ($0["doc"] as? [String: Any])?["id"] as? String == "next" }
                })
            #expect(
                sandbox.eventually { reason(sandbox, "wire.jsonl.record-0")?.contains("longer than") == true }
            )
        }
    }

    @Test func rejectsDeeplyNestedAndMalformedMarkupPromptly() throws {
        try withDaemon { sandbox, _ in
            sandbox.drop("deep.json", String(repeating: "[", count: 200_000))
            sandbox.drop("deep.xml", String(repeating: "<item>", count: 100_000))
            sandbox.drop(
                "deep.html", String(repeating: "<div>", count: 100_000) + "Police killed 2 protesters.")
            sandbox.drop("bad.json", "{\"text\": \"unterminated")
            #expect(sandbox.eventually { sandbox.names(in: sandbox.inbox).isEmpty })
            // The reason is written just after the move.
            #expect(sandbox.eventually(timeout: 5) { reason(sandbox, "deep.json") != nil })
            #expect(sandbox.eventually(timeout: 5) { reason(sandbox, "bad.json") != nil })
        }
    }

    @Test func escapesStrangeFileNamesInTheLog() throws {
        try withDaemon { sandbox, _ in
            let name = "line\nbreak\u{7}bell \"quoted\".txt"
            sandbox.drop(name, Fixtures.attack)
            #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: name) > 0 })
        }
    }

    @Test func movesAFileWhoseNameIsNotUTF8ToFailed() throws {
        try withDaemon { sandbox, _ in
            let raw: [UInt8] = Array((sandbox.inbox + "/bad").utf8) + [0xFF, 0xFE] + Array(".txt".utf8) + [0]
            let fd = raw.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            #expect(fd >= 0)
            let text = Array(Fixtures.attack.utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            #expect(sandbox.eventually { reason(sandbox, "bad??.txt")?.contains("not valid UTF-8") == true })
        }
    }
}
