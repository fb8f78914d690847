import SitrepDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// Buffered text out to stdout or to a file. A file is written beside its final name and renamed
/// at the end, so a failed export never leaves half a file under that name.
struct OutputFile {
    struct Closed: Error {}

    let path: String?
    private let fd: Int32
    private let temporary: String?
    private var buffer: [UInt8] = []

    /// nil or "-": standard output.
    init(path: String?) throws {
        if let path, path != "-" {
            let temporary = path + ".tmp-\(getpid())"
            fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw CommandFailure(
                    message: "error: cannot write \(path): \(SystemError("open", path: temporary).reason)",
                    exitCode: 1)
            }
            self.path = path
            self.temporary = temporary
        } else {
            self.path = nil
            fd = 1
            temporary = nil
        }
    }

    mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        do {
            try FileWriter.writeAll(fd: fd, bytes: buffer, path: path ?? "stdout")
        } catch {
            if error.errno == EPIPE { throw Closed() }
            throw CommandFailure(message: "error: \(error)", exitCode: 1)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, puts it in place.
    mutating func finish() throws {
        try flush()
        guard let temporary, let path else { return }
        close(fd)
        guard rename(temporary, path) == 0 else {
            throw CommandFailure(
                message: "error: cannot write \(path): \(SystemError("rename", path: path).reason)", exitCode: 1)
        }
    }

    /// Removes the temporary file after a failure.
    func abandon() {
        guard let temporary else { return }
        close(fd)
        unlink(temporary)
    }
}
