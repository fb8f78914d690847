#if canImport(Glibc)
    import Glibc
#endif

/// Unix time in seconds, for the metrics files' timestamps (never for deadlines).
public enum WallClock {
    public static var seconds: Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
