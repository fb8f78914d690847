import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the service manager about the daemon's state through `sd_notify`.
/// Without `NOTIFY_SOCKET` in the environment every call is a no-op.
public struct ServiceNotifier: Sendable {
    public init() {}

    public var isUnderServiceManager: Bool { getenv("NOTIFY_SOCKET") != nil }

    public func ready(status: String) { send("READY=1\nSTATUS=\(Self.oneLine(status))") }
    public func status(_ text: String) { send("STATUS=\(Self.oneLine(text))") }
    public func watchdog() { send("WATCHDOG=1") }
    public func stopping(status: String) { send("STOPPING=1\nSTATUS=\(Self.oneLine(status))") }

    /// `RELOADING=1` with the monotonic time systemd uses to match it to the reload request.
    public func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let microseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)\nSTATUS=Reloading configuration")
    }

    /// Before exiting on a fatal start-up error.
    public func failed(errno code: Int32, status: String) {
        send("ERRNO=\(code)\nSTATUS=\(Self.oneLine(status))")
    }

    /// The watchdog interval systemd asked for, if it asked for one for this process.
    public var watchdogIntervalMicroseconds: UInt64? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return usec
    }

    private func send(_ state: String) {
        _ = sd_notify(0, state)
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
