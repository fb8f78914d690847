#if canImport(Glibc)
    import Glibc
#endif

/// Small durable-write helpers on plain descriptors (no `FileHandle`, which traps on ENOSPC).
public enum FileWriter {
    public static func writeAll(fd: Int32, bytes: [UInt8], path: String) throws(SystemError) {
        var written = 0
        let failure: SystemError? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return SystemError("write", path: path)
                }
                written += n
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Creates (or replaces) `path` with `bytes`, durably.
    public static func writeFile(_ path: String, bytes: [UInt8], mode: mode_t = 0o640) throws(SystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw SystemError("open", path: path) }
        defer { close(fd) }
        try writeAll(fd: fd, bytes: bytes, path: path)
        guard fsync(fd) == 0 else { throw SystemError("fsync", path: path) }
    }

    /// Makes a rename or creation in `directory` durable.
    public static func syncDirectory(_ directory: String) throws(SystemError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError("open", path: directory) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw SystemError("fsync", path: directory) }
    }
}
