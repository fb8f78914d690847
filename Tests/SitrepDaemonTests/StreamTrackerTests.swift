import Foundation
import SitrepFormats
import Testing

@testable import SitrepDaemon

/// The stream positions as a state machine, driven without files: a file is its identity and bytes.
struct StreamTrackerTests {
    struct File {
        var identity: FileIdentity
        var bytes: [UInt8]

        init(inode: UInt64, _ text: String) {
            identity = FileIdentity(device: 1, inode: inode)
            bytes = Array(text.utf8)
        }

        var observation: StreamTracker.Observation {
            let bytes = self.bytes
            return StreamTracker.Observation(identity: identity, size: Int64(bytes.count)) { offset, count in
                guard offset >= 0, Int(offset) + count <= bytes.count else { return nil }
                return SHA256.hex(Array(bytes[Int(offset)..<Int(offset) + count]))
            }
        }

        /// The position after reading all of it, fingerprinted as the ingestor does.
        var readToEnd: Checkpoint.StreamPosition {
            let limit = min(StreamTracker.fingerprintBytes, bytes.count)
            return Checkpoint.StreamPosition(
                identity: identity, fingerprint: SHA256.hex(Array(bytes.prefix(limit))),
                fingerprintLength: limit,
                offset: Int64(bytes.count), records: bytes.filter { $0 == 0x0A }.count,
                tailFingerprint: SHA256.hex(Array(bytes.suffix(limit))))
        }
    }

    let wire = File(inode: 7, "{\"id\":\"1\"}\n{\"id\":\"2\"}\n")

    func tracker(reading name: String, _ file: File) -> StreamTracker {
        var tracker = StreamTracker()
        _ = tracker.start(name, kind: .stream, observed: file.observation)
        tracker.advance(name, to: file.readToEnd)
        return tracker
    }

    @Test(arguments: ["wire-20260101.jsonl", "wire.ndjson", "wire.jsonl.1", "wire.jsonl-20260101"])
    func aRenamedStreamKeepsItsPositionWhateverItsNewName(_ newName: String) {
        var tracker = tracker(reading: "wire.jsonl", wire)
        tracker.renamedAway("wire.jsonl", now: nil)
        let kind: StreamTracker.Kind = InboxEntry(name: newName) == .stream ? .stream : .rotated
        let toRead = tracker.arrived(newName, kind: kind, identity: wire.identity)
        #expect(toRead)
        #expect(
            tracker.start(newName, kind: kind, observed: wire.observation).start == .resume(wire.readToEnd))
        #expect(tracker.positions.keys.sorted() == [newName])
    }

    @Test func aStreamRenamedWhileNobodyWatchedIsFoundByAListing() {
        var tracker = tracker(reading: "wire.jsonl", wire)
        let adopted = tracker.reconcile(present: ["wire-20260101.jsonl": wire.identity])
        #expect(adopted == ["wire-20260101.jsonl"])
        #expect(
            tracker.start("wire-20260101.jsonl", kind: .stream, observed: wire.observation).start
                == .resume(wire.readToEnd))
    }

    @Test func positionsOfFilesGoneFromTheInboxArePruned() {
        var tracker = tracker(reading: "wire.jsonl.1", wire)
        tracker.advance("other.jsonl", to: File(inode: 8, "{}\n").readToEnd)
        // Renamed away and never seen again, and deleted while nobody watched.
        tracker.renamedAway("wire.jsonl.1", now: nil)
        #expect(tracker.reconcile(present: ["new.jsonl": FileIdentity(device: 1, inode: 9)]).isEmpty)
        #expect(tracker.positions.isEmpty)
        #expect(tracker.departed.isEmpty)
    }

    @Test func aDeletedStreamLosesItsPosition() {
        var tracker = tracker(reading: "wire.jsonl", wire)
        tracker.deleted("wire.jsonl", now: nil)
        #expect(tracker.positions.isEmpty)
        #expect(tracker.departed.isEmpty)
    }

    /// Each row: a new file on the reused inode 7, and where it is read from.
    @Test(arguments: [
        // Shorter than the offset.
        ("{\"id\":\"9\"}\n", true),
        // Other first bytes.
        ("{\"id\":\"9\"}\n{\"id\":\"8\"}\n{\"id\":\"7\"}\n", true),
        // The same first record, then other records: the bytes before the offset differ.
        ("{\"id\":\"1\"}\n{\"id\":\"X\"}\n{\"id\":\"Y\"}\n", true),
        // The same file, grown.
        ("{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\"}\n", false),
    ])
    func aNewFileOnAReusedInodeIsReadFromItsStart(_ text: String, _ fromStart: Bool) {
        var tracker = tracker(reading: "wire.jsonl", wire)
        let reused = File(inode: 7, text)
        let start = tracker.start("wire.jsonl", kind: .stream, observed: reused.observation).start
        if fromStart {
            #expect(
                start == .fromStart(StreamTracker.fresh(reused.identity), replacing: Int64(wire.bytes.count)))
        } else {
            #expect(start == .resume(wire.readToEnd))
        }
    }

    /// Filebeat's and Vector's fingerprint of the first KiB alone takes this one for the old file.
    @Test func aNewFileBeginningLikeTheOldOneIsStillToldApartWhereReadingWouldResume() {
        let header = "{\"id\":\"0\",\"text\":\"" + String(repeating: "a", count: 1100) + "\"}\n"
        let old = File(inode: 7, header + "{\"id\":\"1\"}\n")
        var tracker = tracker(reading: "wire.jsonl", old)
        let reused = File(inode: 7, header + "{\"id\":\"2\"}\n{\"id\":\"3\"}\n")
        #expect(
            tracker.start("wire.jsonl", kind: .stream, observed: reused.observation).start
                == .fromStart(StreamTracker.fresh(reused.identity), replacing: Int64(old.bytes.count)))
    }

    @Test func aRotatedNameIsNeverReadFromItsStart() {
        var tracker = StreamTracker()
        #expect(tracker.start("wire.jsonl.1", kind: .rotated, observed: wire.observation).start == .leave)
        // Nor when its file is not the one its position was taken on.
        tracker.advance("wire.jsonl.1", to: wire.readToEnd)
        let other = File(inode: 7, "{\"id\":\"9\"}\n{\"id\":\"8\"}\n{\"id\":\"7\"}\n")
        #expect(tracker.start("wire.jsonl.1", kind: .rotated, observed: other.observation).start == .leave)
        #expect(tracker.positions.isEmpty)
        let toRead = tracker.arrived("wire.jsonl.2", kind: .rotated, identity: other.identity)
        #expect(!toRead)
    }

    @Test func aNameTakenByANewFileBeforeTheRenameIsSeenHandsTheOldPositionOn() {
        var tracker = tracker(reading: "wire.jsonl", wire)
        let newer = File(inode: 8, "{\"id\":\"3\"}\n")
        let resolution = tracker.start("wire.jsonl", kind: .stream, observed: newer.observation)
        #expect(resolution.start == .fromStart(StreamTracker.fresh(newer.identity), replacing: nil))
        #expect(resolution.departed == wire.identity)
        #expect(
            tracker.reconcile(present: ["wire.jsonl": newer.identity, "wire.jsonl.1": wire.identity])
                == ["wire.jsonl.1"])
        // The late events change nothing: the rename away leaves the new file's position, and the
        // arrival finds its own.
        tracker.advance("wire.jsonl", to: newer.readToEnd)
        tracker.renamedAway("wire.jsonl", now: newer.identity)
        let toRead = tracker.arrived("wire.jsonl.1", kind: .rotated, identity: wire.identity)
        #expect(toRead)
        #expect(tracker.positions == ["wire.jsonl": newer.readToEnd, "wire.jsonl.1": wire.readToEnd])
    }

    @Test func aStreamRenamedOverAnotherReplacesItsPosition() {
        var tracker = tracker(reading: "wire.jsonl", wire)
        let newer = File(inode: 8, "{\"id\":\"3\"}\n")
        let toRead = tracker.arrived("wire.jsonl", kind: .stream, identity: newer.identity)
        #expect(toRead)
        #expect(tracker.positions.isEmpty)
    }

    @Test func checkpointsWithoutTheNewFieldsStillDecode() throws {
        let old = """
            {"completed":[{"identity":{"device":1,"inode":2},"modified":3,"name":"a.txt","size":4}],\
            "streams":{"w.jsonl":{"fingerprint":"","fingerprintLength":0,"identity":{"device":1,"inode":5},\
            "offset":6,"records":1}},"version":1}
            """
        let checkpoint = try JSONDecoder().decode(Checkpoint.self, from: Data(old.utf8))
        #expect(checkpoint.streams["w.jsonl"]?.tailFingerprint == nil)
        #expect(checkpoint.completed.first?.fingerprint == nil)
        #expect(checkpoint.departedStreams == nil)
    }

    @Test func aKeptDocumentIsTheSameOnlyWithTheSameFirstBytes() {
        let kept = Checkpoint.CompletedFile(
            name: "a.txt", identity: FileIdentity(device: 1, inode: 2), size: 10, modified: 3,
            fingerprint: "aa")
        var other = kept
        #expect(kept.isSame(as: other))
        other.fingerprint = "bb"
        #expect(!kept.isSame(as: other))
        other.fingerprint = nil
        #expect(kept.isSame(as: other), "a checkpoint written before fingerprints were kept")
        other = kept
        other.modified = 4
        #expect(!kept.isSame(as: other))
    }
}
