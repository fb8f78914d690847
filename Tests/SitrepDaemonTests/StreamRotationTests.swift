import Dispatch
import Foundation
import Logging
import SitrepExtraction
import Testing

@testable import SitrepDaemon

/// The ingestor driven event by event, to replay orders of inotify events that a running daemon
/// only meets under load.
struct StreamRotationTests {
    @Test func aStreamRotatedBeforeTheRenameIsSeenIsStillReadOnce() throws {
        let directory = TemporaryDirectory()
        let inbox = directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            atPath: directory.file("state"), withIntermediateDirectories: true)
        var configuration = DaemonConfiguration()
        configuration.inbox = inbox
        configuration.state = directory.file("state")
        configuration.log = directory.file("events.jsonl")
        let queue = DispatchQueue(label: "sitrep.test.ingest")
        let ingestor = try Ingestor(
            configuration: configuration, extractor: try Extractor.load(), queue: queue,
            logger: Logger(label: "test"), onStatusChange: { _ in })
        let started: Bool = queue.sync {
            do {
                try ingestor.start()
                return true
            } catch {
                return false
            }
        }
        #expect(started)
        func deliver(_ events: [(InotifyEvent.Mask, String)]) {
            queue.sync {
                _ = ingestor.handle(
                    events.map {
                        InotifyEvent(watch: 1, mask: $0.0, cookie: 0, name: $0.1, undecodableName: nil)
                    })
            }
            // Let the drains this scheduled run.
            for _ in 0..<10 { queue.sync {} }
        }
        func append(_ name: String, id: String, _ text: String) throws {
            let line = "{\"id\":\"\(id)\",\"text\":\"\(text)\"}\n"
            let path = inbox + "/" + name
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(atPath: path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
            try handle.close()
        }
        try append("wire.jsonl", id: "r1", "Gunmen killed three soldiers in Kabul on Monday.")
        deliver([(.modify, "wire.jsonl")])
        // r2 is written, the file rotated and a new one begun with r3, and the drain that the
        // first event scheduled reads the name before the rename is seen.
        try append("wire.jsonl", id: "r2", "A roadside bomb killed two policemen in Kandahar.")
        try FileManager.default.moveItem(atPath: inbox + "/wire.jsonl", toPath: inbox + "/wire.jsonl.1")
        try append("wire.jsonl", id: "r3", "Hundreds of teachers protested in Lagos over unpaid salaries.")
        deliver([(.modify, "wire.jsonl")])
        deliver([
            (.movedFrom, "wire.jsonl"), (.movedTo, "wire.jsonl.1"), (.create, "wire.jsonl"),
            (.modify, "wire.jsonl"),
        ])

        queue.sync { ingestor.stop() }
        let lines = (try String(contentsOfFile: configuration.log, encoding: .utf8)).split(separator: "\n")
        let ids = lines.compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["doc"] as? [String: Any])?["id"] as? String
        }
        #expect(Set(ids) == ["r1", "r2", "r3"])
        // Each record once: every one of these texts tells one event.
        #expect(ids.count == 3)
    }
}
