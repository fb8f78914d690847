#if canImport(Glibc)
    import Glibc
#endif

/// The exclusive hold of one daemon on its state directory: an `flock` on `<state>/lock`, which
/// names the holder in two lines, `pid=<n>` and `started=<ISO 8601 UTC>`. The kernel lets the lock
/// go when the process ends however it ends, so a stale file never keeps a new daemon out.
public final class StateLock: Sendable {
    public let path: String
    /// Kept open (close-on-exec) for the life of the process: closing it would release the lock.
    private let fd: Int32

    public static func path(inState state: String) -> String { state + "/lock" }

    /// Takes the lock or says who holds it.
    public init(state: String, pid: Int32, wallNanoseconds: Int64) throws(StartupError) {
        path = StateLock.path(inState: state)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw StartupError(
                errno: errno, message: "cannot open lock \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = StateLock.holder(fd: fd)
            close(fd)
            if code == EWOULDBLOCK {
                throw StartupError(
                    errno: EBUSY,
                    message: "state directory \(state) is in use by another sitrep"
                        + (holder.map { " (pid \($0))" } ?? "") + "; lock \(path)")
            }
            throw StartupError(
                errno: code, message: "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        let text = Array(StateLock.contents(pid: pid, wallNanoseconds: wallNanoseconds).utf8)
        guard ftruncate(fd, 0) == 0, (text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }) == text.count
        else {
            let code = errno
            close(fd)
            throw StartupError(
                errno: code, message: "cannot write lock \(path): \(String(cString: strerror(code)))")
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// `pid=<n>\nstarted=<YYYY-MM-DDTHH:MM:SSZ>\n`.
    static func contents(pid: Int32, wallNanoseconds: Int64) -> String {
        var seconds = time_t(wallNanoseconds / 1_000_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
        let time = "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return "pid=\(pid)\nstarted=\(date)T\(time)Z\n"
    }

    /// The pid the current holder wrote, if it is readable.
    private static func holder(fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("pid=") {
            return Int32(line.dropFirst(4))
        }
        return nil
    }
}
