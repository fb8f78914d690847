#if canImport(Glibc)
    import Glibc
#endif

/// The JSON-lines event log, opened for appending.
///
/// Every batch is one `write(2)` on an `O_APPEND` descriptor followed by `fsync`, so readers never see
/// interleaved lines, and a batch that fails half-way is cut back to the last committed length.
public final class EventLog {
    public let path: String
    private var fd: Int32
    public private(set) var identity: FileIdentity
    /// Bytes known to be whole lines on disk.
    public private(set) var committedLength: Int64

    public init(path: String) throws(SystemError) {
        self.path = path
        let opened = try Self.open(path)
        fd = opened.fd
        identity = opened.identity
        committedLength = opened.length
    }

    deinit { close(fd) }

    private static func open(_ path: String) throws(SystemError) -> (
        fd: Int32, identity: FileIdentity, length: Int64
    ) {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw SystemError("open", path: path) }
        let status: FileStatus
        do {
            status = try FileStatus.ofDescriptor(fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        guard status.kind == .regular else {
            close(fd)
            throw SystemError("open", path: path, errno: EINVAL)
        }
        return (fd, FileIdentity(status), status.size)
    }

    /// Appends whole lines (each already ending in a newline) and makes them durable.
    public func append(_ bytes: [UInt8]) throws(SystemError) {
        guard !bytes.isEmpty else { return }
        do {
            try FileWriter.writeAll(fd: fd, bytes: bytes, path: path)
        } catch {
            cutBack()
            throw error
        }
        guard fsync(fd) == 0 else {
            let error = SystemError("fsync", path: path)
            cutBack()
            throw error
        }
        committedLength += Int64(bytes.count)
    }

    /// Removes a partly written batch so that the log ends on a whole line again.
    private func cutBack() {
        _ = ftruncate(fd, off_t(committedLength))
    }

    /// Cuts the file back to `length` (used at start-up to drop a tail no checkpoint covers).
    public func truncate(to length: Int64) throws(SystemError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw SystemError("ftruncate", path: path) }
        guard fsync(fd) == 0 else { throw SystemError("fsync", path: path) }
        committedLength = length
    }

    /// Whether the file this descriptor writes to is still the one at `path`
    /// (false after logrotate renamed it or someone deleted it).
    public var isStillAtPath: Bool {
        guard let current = try? FileStatus.ofEntry(path) else { return false }
        return FileIdentity(current) == identity
    }

    /// Whether the file was deleted while open (its last name is gone): lines written now would be lost.
    public var isDeleted: Bool {
        guard let status = try? FileStatus.ofDescriptor(fd, path: path) else { return true }
        return status.linkCount == 0
    }

    /// Closes the current file and opens whatever is at `path` now (after rotation).
    public func reopen() throws(SystemError) {
        let opened = try Self.open(path)
        close(fd)
        fd = opened.fd
        identity = opened.identity
        committedLength = opened.length
    }
}

extension EventLog {
    /// The length of the log up to and including its last newline (a crash can leave a torn line).
    public func lengthOfWholeLines() throws(SystemError) -> Int64 {
        let length = committedLength
        guard length > 0 else { return 0 }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw SystemError("open", path: path) }
        defer { close(fd) }
        var end = length
        let window: Int64 = 1 << 16
        while end > 0 {
            let start = max(0, end - window)
            let bytes = try FileReader.read(fd: fd, path: path, at: start, count: Int(end - start))
            if let newline = bytes.lastIndex(of: 0x0A) {
                return start + Int64(newline) + 1
            }
            end = start
        }
        return 0
    }
}
