#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on `<state>/lock`, held for the life of the process: two daemons on one state
/// directory would append the same events twice and overwrite each other's checkpoint.
///
/// The file says who holds it (`pid=` and `started=` lines), for the error the second one prints.
/// The kernel drops the lock when the process ends, however it ends, so a stale file never blocks.
public final class StateLock {
    private let fd: Int32
    public let path: String

    public init(directory: String, now: Int64) throws(StartupError) {
        path = directory + "/lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw StartupError(
                errno: errno, message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            let holder = Self.holder(fd)
            close(fd)
            if error == EWOULDBLOCK {
                throw StartupError(
                    errno: EBUSY,
                    message: "state directory \(directory) is in use by another sitrep run (\(holder))")
            }
            throw StartupError(
                errno: error, message: "cannot lock \(path): \(String(cString: strerror(error)))")
        }
        self.fd = fd
        let text = "pid=\(getpid())\nstarted=\(Self.iso(seconds: now))\n"
        _ = ftruncate(fd, 0)
        _ = Array(text.utf8).withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit { close(fd) }

    /// "pid 123, started 2026-01-01T00:00:00Z", from the holder's lines.
    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return "pid unknown" }
        var fields: [String] = []
        for line in String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields.append("\(parts[0]) \(parts[1])") }
        }
        return fields.isEmpty ? "pid unknown" : fields.joined(separator: ", ")
    }

    static func iso(seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
