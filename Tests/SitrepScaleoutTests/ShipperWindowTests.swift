import SitrepScaleout
import Testing

@Suite struct ShipperWindowTests {
    let start = LogPosition(device: 1, inode: 2, offset: 0)

    func line(_ n: Int) -> ShipperWindow.Line {
        ShipperWindow.Line(
            key: MessageKey(host: "a", eventID: "e\(n)", documentID: "d"), payload: Array("line \(n)".utf8),
            end: Int64(n * 10))
    }

    @Test func checkpointMovesOnlyPastAPrefixOfAckedLines() {
        var window = ShipperWindow(checkpoint: start, capacity: 8, ackTimeout: 1000)
        for n in 1...3 { _ = window.offer(line(n), now: 0) }
        #expect(window.acknowledged(messageID: "a/e2/d", sequence: 2, duplicate: false).isEmpty)
        #expect(window.checkpoint.offset == 0)
        let actions = window.acknowledged(messageID: "a/e1/d", sequence: 1, duplicate: false)
        #expect(actions == [.saveCheckpoint(LogPosition(device: 1, inode: 2, offset: 20))])
        _ = window.acknowledged(messageID: "a/e3/d", sequence: 3, duplicate: false)
        #expect(window.checkpoint.offset == 30)
        #expect(window.isEmpty)
    }

    @Test func windowIsBounded() {
        var window = ShipperWindow(checkpoint: start, capacity: 2, ackTimeout: 1000)
        _ = window.offer(line(1), now: 0)
        #expect(window.hasRoom)
        _ = window.offer(line(2), now: 0)
        #expect(!window.hasRoom)
        _ = window.acknowledged(messageID: "a/e1/d", sequence: 1, duplicate: false)
        #expect(window.hasRoom)
    }

    @Test func failedPublishIsResentWithTheSameIDAfterBackoff() {
        var window = ShipperWindow(checkpoint: start, capacity: 4, ackTimeout: 1000)
        _ = window.offer(line(1), now: 0)
        window.failed(messageID: "a/e1/d", now: 10)
        #expect(window.tick(now: 100).isEmpty)
        #expect(window.tick(now: 300) == [.publish(messageID: "a/e1/d", payload: Array("line 1".utf8))])
    }

    @Test func overdueAckIsResentWithTheSameID() {
        var window = ShipperWindow(checkpoint: start, capacity: 4, ackTimeout: 1000)
        _ = window.offer(line(1), now: 0)
        #expect(window.tick(now: 999).isEmpty)
        #expect(window.tick(now: 1000) == [.publish(messageID: "a/e1/d", payload: Array("line 1".utf8))])
        #expect(window.resent == 1)
    }

    @Test func duplicateAckIsVerifiedBeforeTheCheckpointMoves() {
        var window = ShipperWindow(checkpoint: start, capacity: 4, ackTimeout: 1000)
        _ = window.offer(line(1), now: 0)
        let actions = window.acknowledged(messageID: "a/e1/d", sequence: 7, duplicate: true)
        #expect(actions == [.verify(messageID: "a/e1/d", sequence: 7)])
        #expect(window.checkpoint.offset == 0)
        #expect(window.verified(messageID: "a/e1/d", found: true, now: 5) == [.saveCheckpoint(LogPosition(device: 1, inode: 2, offset: 10))])
    }

    @Test func duplicateAckForALostMessageSendsItUnderTheNextGeneration() {
        var window = ShipperWindow(checkpoint: start, capacity: 4, ackTimeout: 1000)
        _ = window.offer(line(1), now: 0)
        _ = window.acknowledged(messageID: "a/e1/d", sequence: 7, duplicate: true)
        let actions = window.verified(messageID: "a/e1/d", found: false, now: 5)
        #expect(actions == [.publish(messageID: "a/e1/d~1", payload: Array("line 1".utf8))])
        // A late ack under the old id changes nothing; the new id's ack settles the line.
        #expect(window.acknowledged(messageID: "a/e1/d", sequence: 7, duplicate: true).isEmpty)
        _ = window.acknowledged(messageID: "a/e1/d~1", sequence: 9, duplicate: false)
        #expect(window.checkpoint.offset == 10)
    }

    @Test func secondAckForASettledLineIsIgnored() {
        var window = ShipperWindow(checkpoint: start, capacity: 4, ackTimeout: 1000)
        _ = window.offer(line(1), now: 0)
        _ = window.offer(line(2), now: 0)
        _ = window.acknowledged(messageID: "a/e2/d", sequence: 2, duplicate: false)
        #expect(window.acknowledged(messageID: "a/e2/d", sequence: 2, duplicate: true).isEmpty)
    }

    @Test func readOffsetFollowsOfferedLines() {
        var window = ShipperWindow(checkpoint: LogPosition(device: 1, inode: 2, offset: 5), capacity: 4, ackTimeout: 1)
        #expect(window.readOffset == 5)
        _ = window.offer(line(3), now: 0)
        #expect(window.readOffset == 30)
    }

    @Test(arguments: [
        (1, Int64(250)), (2, Int64(500)), (3, Int64(1000)), (5, Int64(4000)), (50, Int64(4000)),
    ])
    func backoffDoublesUpToFourSeconds(attempts: Int, delay: Int64) {
        var window = ShipperWindow(checkpoint: start, capacity: 4, ackTimeout: 100_000)
        _ = window.offer(line(1), now: 0)
        // Drive the line to `attempts` sends, then fail it.
        for n in 1..<attempts {
            window.failed(messageID: "a/e1/d", now: 0)
            _ = window.tick(now: Int64(n) * 1_000_000)
        }
        let now = Int64(attempts) * 1_000_000
        window.failed(messageID: "a/e1/d", now: now)
        #expect(window.tick(now: now + delay - 1).isEmpty)
        #expect(window.tick(now: now + delay).count == 1)
    }
}
