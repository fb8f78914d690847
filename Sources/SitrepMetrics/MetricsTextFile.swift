#if canImport(Glibc)
    import Glibc
#endif

/// The metrics file read by node_exporter's textfile collector (or any scraper of files).
///
/// A sandboxed service opens no socket, so it publishes by file. Each write goes to a temporary file
/// beside the target and is renamed over it, so a reader sees the old file or the new one, never
/// half of one (the collector's documented requirement).
public struct MetricsTextFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func write(_ bytes: [UInt8]) throws(MetricsFileError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MetricsFileError(.create, path: temporary, errno: errno) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw MetricsFileError(.write, path: temporary, errno: code)
            }
            written += result
        }
        // No fsync: the file is rewritten every few seconds, and after a crash a stale or empty file
        // is replaced at the next write; only the atomic rename matters to readers.
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw MetricsFileError(.rename, path: path, errno: code)
        }
    }
}
