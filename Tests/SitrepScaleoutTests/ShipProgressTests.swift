import SitrepScaleout
import Testing

@Suite struct ShipProgressTests {
    let start = LogPosition(device: 1, inode: 2, offset: 0)

    func line(_ n: Int) -> ShipperWindow.Line {
        ShipperWindow.Line(
            key: MessageKey(host: "a", eventID: "e\(n)", documentID: "d"), payload: Array("line \(n)".utf8),
            end: Int64(n * 10))
    }

    @Test func progressCountsPublishesAcksResendsAndDuplicateChecksOfTheWindow() {
        var window = ShipperWindow(checkpoint: start, capacity: 8, ackTimeout: 1000)
        for n in 1...4 { _ = window.offer(line(n), now: 0) }
        _ = window.acknowledged(messageID: "a/e1/d", sequence: 1, duplicate: false)
        _ = window.acknowledged(messageID: "a/e2/d", sequence: 2, duplicate: true)
        _ = window.verified(messageID: "a/e2/d", found: false, now: 10)
        _ = window.acknowledged(messageID: "a/e2/d~1", sequence: 5, duplicate: false)
        _ = window.tick(now: 2000)  // e3 and e4 are overdue: sent again
        let progress = ShipProgress(window: window, logSize: 100, bufferedLines: 3)
        #expect(progress.published == 4)
        #expect(progress.acknowledged == 2)
        #expect(progress.retried == 2)
        #expect(progress.duplicateChecks == 1)
        #expect(progress.duplicatesMissing == 1)
        #expect(progress.inFlight == 2)
        #expect(progress.windowCapacity == 8)
        #expect(progress.lagBytes == 80)  // checkpoint at 20 of 100
        #expect(progress.lagLines == 5)  // two in flight, three buffered
    }

    @Test func lagIsNeverNegativeWhenTheLogShrank() {
        var window = ShipperWindow(checkpoint: start, capacity: 8, ackTimeout: 1000)
        _ = window.offer(line(5), now: 0)
        _ = window.acknowledged(messageID: "a/e5/d", sequence: 1, duplicate: false)
        #expect(ShipProgress(window: window, logSize: 10, bufferedLines: 0).lagBytes == 0)
    }

    @Test(arguments: [
        (0, 0, 1000, 0), (0, 500, 1000, 500), (100, 400, 2000, 150), (400, 100, 1000, 0), (0, 10, 0, 0),
    ])
    func rateIsAcknowledgedLinesPerSecond(before: Int, after: Int, milliseconds: Int64, rate: Int) {
        var earlier = ShipProgress()
        earlier.acknowledged = before
        var later = ShipProgress()
        later.acknowledged = after
        #expect(later.acknowledgedPerSecond(since: earlier, milliseconds: milliseconds) == rate)
    }

    @Test func statusLineShowsThroughputLagAndWindow() {
        var progress = ShipProgress()
        progress.published = 12
        progress.acknowledged = 10
        progress.inFlight = 2
        progress.windowCapacity = 256
        progress.lagBytes = 812
        progress.lagLines = 2
        progress.retried = 1
        #expect(
            progress.status(acknowledgedPerSecond: 5)
                == "Shipped 10 of 12 lines, 5 lines/s, 2/256 in flight, 812 bytes (2 lines) behind, 1 resent, "
                + "0 duplicate acks checked, 0 re-identified")
    }

    @Test(arguments: [("", 0), ("a", 0), ("a\n", 1), ("a\nb\n\nc", 3)])
    func completeLinesAreCounted(text: String, lines: Int) {
        #expect(ShipProgress.lineCount(Array(text.utf8)) == lines)
    }
}
