#if canImport(Glibc)
    import Glibc
#endif

/// The clocks the daemon reads, injectable so tests can fix time.
public struct SystemClock: Sendable {
    /// Wall-clock time in nanoseconds since the epoch (compared with file modification times).
    public var wallNanoseconds: @Sendable () -> Int64
    /// Monotonic time in nanoseconds (for budgets and back-off).
    public var monotonicNanoseconds: @Sendable () -> Int64

    public init(
        wallNanoseconds: @escaping @Sendable () -> Int64,
        monotonicNanoseconds: @escaping @Sendable () -> Int64
    ) {
        self.wallNanoseconds = wallNanoseconds
        self.monotonicNanoseconds = monotonicNanoseconds
    }

    public static let live = SystemClock(
        wallNanoseconds: { read(CLOCK_REALTIME) }, monotonicNanoseconds: { read(CLOCK_MONOTONIC) })

    private static func read(_ clock: clockid_t) -> Int64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
