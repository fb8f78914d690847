import Foundation
import Testing

@testable import SitrepDaemon

struct CheckpointStoreTests {
    @Test func savesAndLoadsTheSameCheckpoint() throws {
        let directory = TemporaryDirectory()
        let store = CheckpointStore(directory: directory.path)
        #expect(try store.load() == .fresh)
        var checkpoint = Checkpoint()
        checkpoint.log = .init(
            path: "/x/events.jsonl", identity: FileIdentity(device: 1, inode: 2), length: 42)
        checkpoint.streams["wire.jsonl"] = .init(
            identity: FileIdentity(device: 1, inode: 9), fingerprint: "ab", fingerprintLength: 2, offset: 10,
            records: 3)
        try store.save(checkpoint)
        #expect(try store.load() == .loaded(checkpoint))
        #expect(directory.read("checkpoint.json.tmp") == nil)
    }

    @Test func keepsEveryDamagedCheckpointItSetsAside() throws {
        let directory = TemporaryDirectory()
        var preserved: [String] = []
        for _ in 0..<3 {
            directory.write("checkpoint.json", "{\"version\":")
            if case .recovered(_, let at) = try CheckpointStore(directory: directory.path).load(
                wallSeconds: 1_767_225_600)
            {
                preserved.append(at)
            }
        }
        #expect(Set(preserved).count == 3)
        #expect(preserved.first?.hasSuffix("checkpoint.json.corrupt-20260101T000000Z") == true)
        #expect(preserved.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }

    @Test(arguments: ["", "{\"version\":1,\"log\":", String(repeating: "\0", count: 64)])
    func recoversFromADamagedCheckpointInsteadOfCrashing(contents: String) throws {
        let directory = TemporaryDirectory()
        directory.write("checkpoint.json", contents)
        let result = try CheckpointStore(directory: directory.path).load()
        guard case .recovered(_, let preservedAt) = result else {
            Issue.record("expected recovery, got \(result)")
            return
        }
        #expect(FileManager.default.fileExists(atPath: preservedAt))
        #expect(!FileManager.default.fileExists(atPath: directory.file("checkpoint.json")))
    }
}

struct EventLogTests {
    @Test func appendsWholeLinesAndTracksTheCommittedLength() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("events.jsonl"))
        try log.append(Array("{\"a\":1}\n".utf8))
        try log.append(Array("{\"b\":2}\n".utf8))
        #expect(log.committedLength == 16)
        #expect(directory.read("events.jsonl") == "{\"a\":1}\n{\"b\":2}\n")
    }

    @Test func findsTheEndOfTheLastWholeLine() throws {
        let directory = TemporaryDirectory()
        directory.write("events.jsonl", "{\"a\":1}\n{\"b\":")
        let log = try EventLog(path: directory.file("events.jsonl"))
        #expect(try log.lengthOfWholeLines() == 8)
        try log.truncate(to: 8)
        #expect(directory.read("events.jsonl") == "{\"a\":1}\n")
    }

    @Test func noticesWhenTheLogWasRenamedAndReopensAtThePath() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("events.jsonl"))
        try log.append(Array("old\n".utf8))
        try FileManager.default.moveItem(
            atPath: directory.file("events.jsonl"), toPath: directory.file("events.1"))
        #expect(!log.isStillAtPath)
        try log.reopen()
        #expect(log.isStillAtPath)
        try log.append(Array("new\n".utf8))
        #expect(directory.read("events.jsonl") == "new\n")
        #expect(directory.read("events.1") == "old\n")
    }
}

struct DirectoryTests {
    @Test func movesNeverReplaceAnExistingFile() throws {
        let inbox = TemporaryDirectory()
        let done = TemporaryDirectory()
        done.write("a.txt", "earlier")
        inbox.write("a.txt", "later")
        let name = try Directory.move("a.txt", from: inbox.path, to: done.path)
        #expect(name == "a.txt.1")
        #expect(done.read("a.txt") == "earlier")
        #expect(done.read("a.txt.1") == "later")
    }
}

struct FileReaderTests {
    @Test func refusesSymbolicLinks() throws {
        let directory = TemporaryDirectory()
        directory.write("target.txt", "secret")
        try FileManager.default.createSymbolicLink(
            atPath: directory.file("link.txt"), withDestinationPath: directory.file("target.txt"))
        #expect(throws: FileReader.Refusal.symbolicLink) {
            try FileReader.openEntry(directory.file("link.txt"))
        }
    }

    @Test func refusesFIFOsWithoutBlocking() throws {
        let directory = TemporaryDirectory()
        #expect(mkfifo(directory.file("pipe.txt"), 0o644) == 0)
        #expect(throws: FileReader.Refusal.notRegular(.fifo)) {
            try FileReader.openEntry(directory.file("pipe.txt"))
        }
    }

    @Test func refusesHardLinks() throws {
        let directory = TemporaryDirectory()
        directory.write("original.txt", "secret")
        #expect(link(directory.file("original.txt"), directory.file("linked.txt")) == 0)
        #expect(throws: FileReader.Refusal.hardLink(count: 2)) {
            try FileReader.openEntry(directory.file("linked.txt"))
        }
    }

    @Test func reportsAVanishedFile() {
        let directory = TemporaryDirectory()
        #expect(throws: FileReader.Refusal.vanished) { try FileReader.openEntry(directory.file("gone.txt")) }
    }
}
