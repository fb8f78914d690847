import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A progress line on stderr, redrawn at most ten times a second, and only when stderr is a
/// terminal: a pipe or a log file gets nothing.
struct Progress {
    let label: String
    let enabled = isatty(2) == 1
    var kept = 0
    private var lastDrawn: Double = 0
    private var drawn = false

    init(label: String) {
        self.label = label
    }

    mutating func update(path: String, read: Int64, size: Int64) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        guard now - lastDrawn >= 0.1 else { return }
        lastDrawn = now
        drawn = true
        let share = size > 0 ? " \(min(100, read * 100 / size))%" : ""
        StandardError.write("\r\u{1B}[K\(label): \(kept) events from \(path)\(share)")
    }

    func finish() {
        if enabled && drawn { StandardError.write("\r\u{1B}[K") }
    }
}
