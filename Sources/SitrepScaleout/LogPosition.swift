/// A place in the event log: which file (device and inode, so a rotated file is recognised) and the
/// byte offset just past the last line whose publish was acknowledged.
public struct LogPosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    public var offset: Int64

    public init(device: UInt64, inode: UInt64, offset: Int64) {
        self.device = device
        self.inode = inode
        self.offset = offset
    }

    public func sameFile(as other: LogPosition) -> Bool { device == other.device && inode == other.inode }

    public var description: String { "\(device):\(inode)@\(offset)" }

    /// The checkpoint file's one line: `device inode offset`.
    public var line: String { "\(device) \(inode) \(offset)\n" }

    public init(line: String, path: String) throws(ScaleoutError) {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 3, let device = UInt64(fields[0]), let inode = UInt64(fields[1]),
            let offset = Int64(fields[2]), offset >= 0
        else {
            throw ScaleoutError(.checkpoint, path, "not a checkpoint ('device inode offset')")
        }
        self.init(device: device, inode: inode, offset: offset)
    }
}
