import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Gathers a `ServiceReport` from what a daemon leaves on disk: the lock (`STATE/lock`, held with
/// flock while it runs, with `pid=` and `started=` lines), the status file (`STATE/status`), the
/// inbox, `failed/` and the end of the event log. Reads only; works for any user who can read them.
public struct ServiceInspector: Sendable {
    public var configuration: DaemonConfiguration
    public var clock: SystemClock
    public var recentFailures = 5

    public init(configuration: DaemonConfiguration, clock: SystemClock = .live) {
        self.configuration = configuration
        self.clock = clock
    }

    public func report() -> ServiceReport {
        var report = ServiceReport()
        let now = clock.wallNanoseconds() / 1_000_000_000
        report.inbox = configuration.inbox
        report.log = configuration.log
        report.state = configuration.state
        report.metricsFile = configuration.metricsPath
        report.today = ServiceState.utcDay(now)

        let saved = FileReader.readSmallFile(configuration.serviceStatePath).map {
            ServiceState(parsing: String(decoding: $0, as: UTF8.self))
        }
        if let lock = readLock() {
            report.running = lock.held
            report.evidence = "lock"
            report.pid = lock.pid
            report.since = lock.started
        } else if let saved, saved.phase != .stopped, saved.pid > 0, Self.isAlive(saved.pid) {
            report.running = true
            report.evidence = "status file"
            report.pid = saved.pid
        }
        if let saved {
            report.status = saved.status
            if !saved.metricsFile.isEmpty { report.metricsFile = saved.metricsFile }
            if report.since == nil && saved.started > 0 { report.since = String(saved.started) }
            if saved.day == report.today {
                report.documentsToday = saved.documentsToday
                report.eventsToday = saved.eventsToday
                report.failedToday = saved.failedToday
            }
            if saved.lastEvent > 0 { report.lastEventTime = saved.lastEvent }
        }
        report.backlog = backlog()
        (report.failedTotal, report.failures) = failures()
        var st = stat()
        if stat(configuration.log, &st) == 0 { report.logBytes = Int64(st.st_size) }
        report.lastEvent = lastEvent()
        return report
    }

    struct Lock {
        var held: Bool
        var pid: Int32?
        var started: String?
    }

    /// The lock file, if there is one: held when another process has it locked (flock).
    func readLock() -> Lock? {
        let path = configuration.state + "/lock"
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var held = false
        if flock(fd, LOCK_SH | LOCK_NB) != 0 {
            held = errno == EWOULDBLOCK
        } else {
            flock(fd, LOCK_UN)
        }
        var lock = Lock(held: held)
        if let bytes = try? FileReader.readAll(fd: fd, path: path, limit: 4096) {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                if line.hasPrefix("pid=") { lock.pid = Int32(line.dropFirst(4)) }
                if line.hasPrefix("started=") { lock.started = String(line.dropFirst(8)) }
            }
        }
        return lock
    }

    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Documents waiting: inbox entries the daemon would read once (streams stay and are not counted).
    func backlog() -> Int {
        guard let names = try? Directory.entries(in: configuration.inbox).names else { return 0 }
        return names.filter {
            if case .document = InboxEntry(name: $0) { return true }
            return false
        }.count
    }

    func failures() -> (Int, [ServiceReport.Failure]) {
        let directory = configuration.state + "/failed"
        guard let names = try? Directory.entries(in: directory).names else { return (0, []) }
        let reasons = names.filter { $0.hasSuffix(".reason") }
        var dated: [(name: String, time: Int64)] = []
        for name in reasons {
            var st = stat()
            guard lstat(directory + "/" + name, &st) == 0 else { continue }
            dated.append((name, Int64(st.st_mtim.tv_sec)))
        }
        dated.sort { ($0.time, $0.name) > ($1.time, $1.name) }
        let recent = dated.prefix(recentFailures).map { entry -> ServiceReport.Failure in
            let text = FileReader.readSmallFile(directory + "/" + entry.name, limit: 65536)
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
            var reason = text
            for line in text.split(separator: "\n") where line.hasPrefix("reason: ") {
                reason = String(line.dropFirst(8))
            }
            return ServiceReport.Failure(
                file: String(entry.name.dropLast(".reason".count)), reason: reason, time: entry.time)
        }
        return (reasons.count, recent)
    }

    private struct LoggedEvent: Decodable {
        struct Place: Decodable {
            var name: String?
            var text: String?
            var country: String?
        }
        var id: String
        var type: String
        var date: String?
        var location: Place?
        var sentence: String?
    }

    /// The last complete line of the log, read from its last 256 KiB.
    func lastEvent() -> ServiceReport.LastEvent? {
        let fd = open(configuration.log, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let count = Int(min(Int64(st.st_size), 256 << 10))
        guard let tail = try? FileReader.read(fd: fd, path: configuration.log, at: Int64(st.st_size) - Int64(count), count: count),
            let end = tail.lastIndex(of: 0x0A)
        else { return nil }
        let start = tail[..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        guard start > 0 || count == Int(st.st_size),
            let event = try? JSONDecoder().decode(LoggedEvent.self, from: Data(tail[start..<end]))
        else { return nil }
        var place = event.location?.name ?? event.location?.text
        if let country = event.location?.country, let named = place { place = "\(named), \(country)" }
        return ServiceReport.LastEvent(
            id: event.id, type: event.type, date: event.date, place: place, sentence: event.sentence)
    }
}
