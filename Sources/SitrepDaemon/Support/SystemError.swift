#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call, with the operation and the path it concerned.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var errno: Int32

    public init(_ operation: String, path: String, errno: Int32 = Glibc.errno) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    public var reason: String { String(cString: strerror(errno)) }

    public var description: String { "\(operation) \(path): \(reason) (errno \(errno))" }

    public var isNoSpace: Bool { errno == ENOSPC || errno == EDQUOT }
}
