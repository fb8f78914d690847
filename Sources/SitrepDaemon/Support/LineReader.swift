#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file line by line in 1 MiB chunks: memory stays bounded by the longest line, whatever
/// the file's size (an event log of gigabytes is exported in constant memory).
public struct LineReader {
    public let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: bytes before it hold none.
    private var scanned = 0
    private var finished = false
    /// Bytes consumed so far, for progress reports.
    public private(set) var bytesRead: Int64 = 0
    /// The file's size when opened (0 for a pipe).
    public let size: Int64

    /// Opens `path`; "-" reads standard input.
    public init(path: String) throws(SystemError) {
        self.path = path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw SystemError("open", path: path) }
            ownsDescriptor = true
        }
        var st = stat()
        size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int64(st.st_size) : 0
    }

    public func close() {
        if ownsDescriptor { _ = Glibc.close(fd) }
    }

    /// The next line without its `\n`; a last line without one is returned too. nil at the end.
    public mutating func next() throws(SystemError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                scanned = start
                bytesRead += Int64(line.count + 1)
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                bytesRead += Int64(line.count)
                return line
            }
            scanned = buffer.count
            if start > 0 {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if n == 0 {
                finished = true
            } else {
                buffer.append(contentsOf: chunk[..<n])
            }
        }
    }
}
