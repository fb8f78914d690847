#if canImport(Glibc)
    import Glibc
#endif

/// What `fstat`/`lstat` say about a file, in the terms the daemon decides on.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case regular, directory, symbolicLink = "symbolic link", fifo, socket
        case characterDevice = "character device", blockDevice = "block device", unknown
    }

    public var kind: Kind
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var linkCount: UInt64
    /// Modification time in nanoseconds since the epoch.
    public var modified: Int64
    public var mode: UInt32

    public init(_ st: stat) {
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .unknown
        }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        linkCount = UInt64(st.st_nlink)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        mode = st.st_mode
    }

    /// The status of the entry itself, not what a symbolic link points to.
    public static func ofEntry(_ path: String) throws(SystemError) -> FileStatus {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw SystemError("lstat", path: path) }
        return FileStatus(st)
    }

    public static func ofDescriptor(_ fd: Int32, path: String) throws(SystemError) -> FileStatus {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SystemError("fstat", path: path) }
        return FileStatus(st)
    }
}
