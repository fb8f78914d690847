#if canImport(Glibc)
    import Glibc
#endif

/// Reading inbox files without being fooled by what is there.
public enum FileReader {
    public struct Opened {
        public var fd: Int32
        public var status: FileStatus
    }

    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case vanished
        case symbolicLink
        case notRegular(FileStatus.Kind)
        case hardLink(count: UInt64)
        case tooLarge(size: Int64, limit: Int64)
        case unreadable(SystemError)

        public var description: String {
            switch self {
            case .vanished: return "the file disappeared before it could be read"
            case .symbolicLink: return "symbolic links are not followed"
            case .notRegular(let kind): return "not a regular file (\(kind.rawValue))"
            case .hardLink(let count):
                return "a hard link (\(count) names): files linked from elsewhere are not read"
            case .tooLarge(let size, let limit):
                return "too large: \(size) bytes, the limit is \(limit) bytes (max_file_bytes)"
            case .unreadable(let error): return "unreadable: \(error)"
            }
        }
    }

    /// Opens an inbox entry for reading: never follows a symbolic link, never blocks on a FIFO or
    /// device, and refuses anything but a regular file with a single name.
    public static func openEntry(_ path: String, allowHardLinks: Bool = false) throws(Refusal) -> Opened {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        if fd < 0 {
            switch errno {
            case ENOENT: throw .vanished
            case ELOOP: throw .symbolicLink
            case ENXIO: throw .notRegular(.socket)
            default: throw .unreadable(SystemError("open", path: path))
            }
        }
        let status = try regularFile(fd, path: path)
        if !allowHardLinks && status.linkCount > 1 {
            close(fd)
            throw .hardLink(count: status.linkCount)
        }
        return Opened(fd: fd, status: status)
    }

    /// Reads from the current position to the end, failing past `limit` bytes.
    /// The bytes of a small state file (a status, a lock, a reason), or nil when it cannot be read.
    public static func readSmallFile(_ path: String, limit: Int = 1 << 20) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return try? readAll(fd: fd, path: path, limit: limit)
    }

    public static func readAll(fd: Int32, path: String, limit: Int) throws(SystemError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if n == 0 { return result }
            if result.count + n > limit { throw SystemError("read", path: path, errno: EFBIG) }
            result.append(contentsOf: chunk[0..<n])
        }
    }

    /// Reads up to `count` bytes at `offset` (fewer at end of file).
    public static func read(fd: Int32, path: String, at offset: Int64, count: Int) throws(SystemError)
        -> [UInt8]
    {
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        let failure: SystemError? = result.withUnsafeMutableBytes { buffer in
            while filled < count {
                let n = pread(fd, buffer.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
                if n < 0 {
                    if errno == EINTR { continue }
                    return SystemError("read", path: path)
                }
                if n == 0 { break }
                filled += n
            }
            return nil
        }
        if let failure { throw failure }
        result.removeSubrange(filled...)
        return result
    }
}

extension FileReader {
    /// For files named on the command line, where following a link is what the user asked for;
    /// still never blocks on a FIFO and refuses what is not a regular file.
    public static func openFollowingLinks(_ path: String) throws(Refusal) -> Opened {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(SystemError("open", path: path)) }
        return Opened(fd: fd, status: try regularFile(fd, path: path))
    }

    /// The status of an opened descriptor, which must be a regular file (closed otherwise).
    private static func regularFile(_ fd: Int32, path: String) throws(Refusal) -> FileStatus {
        let status: FileStatus
        do {
            status = try FileStatus.ofDescriptor(fd, path: path)
        } catch {
            close(fd)
            throw .unreadable(error)
        }
        guard status.kind == .regular else {
            close(fd)
            throw .notRegular(status.kind)
        }
        return status
    }
}
