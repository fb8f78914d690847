/// Which file this is, independent of its name: device and inode.
public struct FileIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    public init(_ status: FileStatus) {
        self.init(device: status.device, inode: status.inode)
    }

    public var description: String { "\(device):\(inode)" }
}
