import Testing

@testable import SitrepDaemon

struct InotifyEventTests {
    /// Packs records the way the kernel does: header, then the name NUL-padded to `length`.
    func pack(_ records: [(watch: Int32, mask: UInt32, cookie: UInt32, name: String, length: Int)]) -> [UInt8]
    {
        var bytes: [UInt8] = []
        for record in records {
            withUnsafeBytes(of: record.watch.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: record.mask.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: record.cookie.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt32(record.length).littleEndian) { bytes += $0 }
            var name = Array(record.name.utf8)
            name += [UInt8](repeating: 0, count: record.length - name.count)
            bytes += name
        }
        return bytes
    }

    @Test func parsesSeveralPackedRecords() {
        let bytes = pack([
            (1, 0x8, 0, "a.txt", 16),
            (1, 0x80, 7, "feed.xml", 16),
            (1, 0x4000, 0, "", 0),
        ])
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events.map(\.name) == ["a.txt", "feed.xml", ""])
        #expect(events[0].mask.contains(.closeWrite))
        #expect(events[1].mask.contains(.movedTo))
        #expect(events[1].cookie == 7)
        #expect(events[2].mask.contains(.queueOverflow))
    }

    @Test func neverReadsPastATruncatedRecord() {
        var bytes = pack([(1, 0x8, 0, "whole.txt", 16), (1, 0x8, 0, "cut.txt", 16)])
        bytes.removeLast(10)
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events.map(\.name) == ["whole.txt"])
    }
}
