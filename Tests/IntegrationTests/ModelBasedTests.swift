import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Random sequences of file operations — write, rename, append, partial lines, rotate, truncate,
/// abandoned drafts, restarts and crashes — checked against a model of what must end up in the log:
/// the events of every delivered document and every complete stream record, each exactly once.
@Suite(.serialized)
struct ModelBasedTests {
    static var steps: Int { Int(ProcessInfo.processInfo.environment["SITREP_MODEL_STEPS"] ?? "") ?? 40 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["SITREP_MODEL_SEED"] ?? "") ?? 7 }

    /// What must be in the log: delivered documents (as files) and stream records (as lines).
    struct Model {
        var documents: [String] = []
        var records: [String] = []
    }

    @Test func theLogMatchesTheModelAfterRandomFileOperations() throws {
        let sandbox = Sandbox()
        var random = Corpus(seed: Self.seed)
        let staging = sandbox.root + "/model"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        var model = Model()
        var serial = 0
        var rotations = 0
        var operations: [String] = []
        var daemon: DaemonProcess? = try DaemonProcess(sandbox)
        #expect(daemon!.waitUntilReady())

        func nextArticle() -> String {
            serial += 1
            return random.article(serial)
        }
        func expectedIDs() throws -> [String: Int] {
            let recordsPath = staging + "/records.jsonl"
            try (model.records.joined(separator: "\n") + (model.records.isEmpty ? "" : "\n")).write(
                toFile: recordsPath, atomically: true, encoding: .utf8)
            return try extractedEventIDs(model.documents + (model.records.isEmpty ? [] : [recordsPath]))
        }
        /// Waits until the log holds exactly what the model says so far.
        func quiesce() throws -> Bool {
            let expected = try expectedIDs()
            return sandbox.eventually(timeout: 30) {
                eventIDs(in: (try? String(contentsOfFile: sandbox.log, encoding: .utf8)) ?? "") == expected
            }
        }

        for _ in 0..<Self.steps {
            let stream = "w\(random.next(2)).jsonl"
            switch random.next(9) {
            case 0, 1:
                operations.append("write")
                let text = nextArticle()
                let name = "d\(serial).txt"
                sandbox.drop(name, text)
                try text.write(toFile: staging + "/" + name, atomically: true, encoding: .utf8)
                model.documents.append(staging + "/" + name)
            case 2:
                operations.append("rename")
                let text = nextArticle()
                let name = "d\(serial).html"
                let html = "<html><body><p>\(text)</p></body></html>"
                sandbox.drop(name + ".part", html)
                try FileManager.default.moveItem(
                    atPath: sandbox.inbox + "/" + name + ".part", toPath: sandbox.inbox + "/" + name)
                try html.write(toFile: staging + "/" + name, atomically: true, encoding: .utf8)
                model.documents.append(staging + "/" + name)
            case 3:
                operations.append("abandon")
                let name = "draft\(serial).txt.tmp"
                sandbox.drop(name, nextArticle())
                try FileManager.default.removeItem(atPath: sandbox.inbox + "/" + name)
            case 4, 5:
                operations.append("append")
                for _ in 0..<(1 + random.next(3)) {
                    let record = Fixtures.record(id: "r\(serial)", text: nextArticle())
                    sandbox.append(stream, record + "\n")
                    model.records.append(record)
                }
            case 6:
                operations.append("partial")
                let record = Fixtures.record(id: "r\(serial)", text: nextArticle())
                let cut = record.index(record.startIndex, offsetBy: 10 + random.next(record.count - 20))
                sandbox.append(stream, String(record[..<cut]))
                usleep(useconds_t(random.next(200_000)))
                sandbox.append(stream, String(record[cut...]) + "\n")
                model.records.append(record)
            case 7:
                operations.append("rotate")
                if FileManager.default.fileExists(atPath: sandbox.inbox + "/" + stream) {
                    rotations += 1
                    try FileManager.default.moveItem(
                        atPath: sandbox.inbox + "/" + stream,
                        toPath: sandbox.inbox + "/\(stream).\(rotations)")
                }
            default:
                if random.next(2) == 0, FileManager.default.fileExists(atPath: sandbox.inbox + "/" + stream) {
                    operations.append("truncate")
                    // Truncating loses what was not read yet, by nature: only once all is read.
                    #expect(try quiesce(), "before truncate, after \(operations)")
                    #expect(truncate(sandbox.inbox + "/" + stream, 0) == 0)
                } else {
                    let crash = random.next(2) == 0
                    operations.append(crash ? "kill" : "restart")
                    daemon?.signal(crash ? SIGKILL : SIGTERM)
                    let status = daemon?.waitForExit()
                    if !crash { #expect(status == 0) }
                    daemon = nil
                    daemon = try DaemonProcess(sandbox)
                    #expect(daemon!.waitUntilReady())
                }
            }
            usleep(useconds_t(random.next(100_000)))
        }
        #expect(try quiesce(), "seed \(Self.seed), operations \(operations)")
        let text = (try? String(contentsOfFile: sandbox.log, encoding: .utf8)) ?? ""
        #expect(text.isEmpty || text.hasSuffix("\n"))
    }
}
