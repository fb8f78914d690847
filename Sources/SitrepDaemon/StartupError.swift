/// A reason the daemon cannot start: reported as one line on stderr, `ERRNO=` to systemd, exit 2.
public struct StartupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var errno: Int32
    public var message: String

    public init(errno: Int32, message: String) {
        self.errno = errno
        self.message = message
    }

    public var description: String { message }
}
