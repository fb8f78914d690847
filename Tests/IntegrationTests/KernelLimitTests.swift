import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// inotify's limits: a queue overflow and no watch at all. Both need root to set the (global)
/// limits for the moment the daemon creates its inotify instance; the limit is restored at once.
@Suite(.serialized, .enabled(if: getuid() == 0, "setting inotify limits needs root"))
struct KernelLimitTests {
    func withLimit<T>(_ name: String, _ value: String, _ body: () throws -> T) rethrows -> T {
        let path = "/proc/sys/fs/inotify/" + name
        let saved = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
            in: .whitespacesAndNewlines)
        try? value.write(toFile: path, atomically: false, encoding: .utf8)
        defer { if let saved { try? saved.write(toFile: path, atomically: false, encoding: .utf8) } }
        return try body()
    }

    @Test func rescansAfterTheInotifyQueueOverflows() throws {
        let sandbox = Sandbox()
        let daemon = try withLimit("max_queued_events", "16") {
            let daemon = try DaemonProcess(sandbox, arguments: ["--settle-ms", "100"])
            #expect(daemon.waitUntilReady())
            return daemon
        }
        // Frozen while 100 files arrive: far more events than its queue holds.
        daemon.signal(SIGSTOP)
        for index in 0..<100 {
            sandbox.drop("burst-\(index).txt", Corpus(seed: UInt64(index + 1)).articleCopy(index))
        }
        daemon.signal(SIGCONT)
        #expect(sandbox.eventually(timeout: 30) { sandbox.names(in: sandbox.inbox).isEmpty })
        #expect(sandbox.names(in: sandbox.state + "/processed").count == 100)
        let log = (try? String(contentsOfFile: daemon.stderrPath, encoding: .utf8)) ?? ""
        #expect(log.contains("inotify queue overflowed"), "the burst should have overflowed the queue")
    }

    @Test func pollsWhenNoInotifyInstanceCanBeHad() throws {
        let sandbox = Sandbox()
        let daemon = try withLimit("max_user_instances", "0") {
            let daemon = try DaemonProcess(sandbox, arguments: ["--settle-ms", "100"])
            #expect(daemon.waitUntilReady())
            return daemon
        }
        sandbox.drop("polled.txt", Fixtures.attack)
        #expect(sandbox.eventually { sandbox.paths(ofEventsFrom: "polled.txt") > 0 })
        let log = (try? String(contentsOfFile: daemon.stderrPath, encoding: .utf8)) ?? ""
        #expect(log.contains("polling the inbox"))
    }
}
