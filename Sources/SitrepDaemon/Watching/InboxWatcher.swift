import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Watches one directory with inotify, through a Dispatch read source on the inotify descriptor
/// (Linux libdispatch has no vnode sources). The handler runs on `queue`.
public final class InboxWatcher {
    public static let mask: InotifyEvent.Mask = [
        .closeWrite, .movedTo, .movedFrom, .create, .delete, .modify, .deleteSelf, .moveSelf, .onlyDirectory,
    ]

    public let directory: String
    private let fd: Int32
    private let source: DispatchSourceRead

    /// Starts watching; events are queued in the kernel until `activate()`. `handler` gets every
    /// batch of events as they are read.
    public init(
        directory: String, queue: DispatchQueue, handler: @escaping @Sendable ([InotifyEvent]) -> Void
    ) throws(SystemError) {
        self.directory = directory
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw SystemError("inotify_init1", path: directory) }
        guard inotify_add_watch(fd, directory, Self.mask.rawValue) >= 0 else {
            let error = SystemError("inotify_add_watch", path: directory)
            close(fd)
            throw error
        }
        self.fd = fd
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [fd] in
            handler(Self.drain(fd))
        }
        source.setCancelHandler { [fd] in close(fd) }
    }

    /// Starts delivering events.
    public func activate() { source.activate() }

    deinit { source.cancel() }

    public func cancel() { source.cancel() }

    private static func drain(_ fd: Int32) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                break
            }
            buffer.withUnsafeBytes {
                events += InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[0..<n]))
            }
        }
        return events
    }
}
