import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in for systemd's notification socket: a datagram socket the daemon sends sd_notify
/// messages to. A background thread reads it at once, as systemd does: a unix datagram socket
/// holds only `net.unix.max_dgram_qlen` (often 10) unread messages before senders block.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var received: [String] = []
    private var closed = false

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        precondition(bytes.count < MemoryLayout.size(ofValue: address.sun_path), "socket path too long")
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    deinit {
        unlink(path)
    }

    /// Stops the reader; the socket is closed by the reader thread.
    func stop() {
        lock.withLock { closed = true }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !lock.withLock({ closed }) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                let message = String(decoding: buffer[0..<n], as: UTF8.self)
                lock.withLock { received.append(message) }
            }
        }
        close(fd)
    }

    var messages: [String] { lock.withLock { received } }

    /// Waits until a message satisfies `predicate` or `timeout` passes; returns that message.
    @discardableResult
    func waitFor(timeout: TimeInterval = 20, _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let found = messages.first(where: predicate) { return found }
            usleep(10_000)
        } while Date() < deadline
        return messages.first(where: predicate)
    }

    /// Kept for symmetry with tests that want everything received so far.
    func drain() {}
}
