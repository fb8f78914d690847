import SitrepScaleout
import Testing

@Suite struct ShipStartTests {
    static let a = LogPosition(device: 1, inode: 10, offset: 0)
    static let b = LogPosition(device: 1, inode: 11, offset: 0)

    @Test(arguments: [
        (LogPosition?.none, LogPosition?.some(a), LogPosition?.none, ShipStart.liveFromStart),
        (LogPosition(device: 1, inode: 10, offset: 77), a, nil, .live(offset: 77)),
        (LogPosition(device: 1, inode: 10, offset: 77), b, a, .rotated(offset: 77)),
        (LogPosition(device: 1, inode: 12, offset: 77), b, a, .liveFromStart),
    ])
    func startsWhereTheCheckpointIs(checkpoint: LogPosition?, live: LogPosition?, rotated: LogPosition?, expected: ShipStart) {
        #expect(ShipStart.decide(checkpoint: checkpoint, live: live, rotated: rotated) == expected)
    }

    @Test func checkpointLineRoundTrips() throws {
        let position = LogPosition(device: 3, inode: 4, offset: 5)
        #expect(try LogPosition(line: position.line, path: "p") == position)
        #expect(throws: ScaleoutError.self) { try LogPosition(line: "3 4", path: "p") }
    }

    @Test func messageIDCarriesHostEventAndDocumentAndGeneration() {
        let key = MessageKey(host: "h", eventID: "e", documentID: "d")
        #expect(key.messageID(generation: 0) == "h/e/d")
        #expect(key.messageID(generation: 2) == "h/e/d~2")
    }
}
