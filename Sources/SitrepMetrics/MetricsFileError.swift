#if canImport(Glibc)
    import Glibc
#endif

/// Why the metrics file could not be written.
public struct MetricsFileError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case create, write, rename
    }

    public var code: Code
    public var path: String
    public var errno: Int32

    public init(_ code: Code, path: String, errno: Int32) {
        self.code = code
        self.path = path
        self.errno = errno
    }

    public var description: String {
        "cannot \(code.rawValue) metrics file \(path): \(String(cString: strerror(errno)))"
    }
}
