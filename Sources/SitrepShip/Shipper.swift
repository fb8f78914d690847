import Logging
import SitrepDaemon
import SitrepMetrics
import SitrepScaleout

#if canImport(Glibc)
    import Glibc
#endif

/// `sitrep ship`: tails the event log and publishes every line to JetStream, the checkpoint
/// following the acks (see `ShipperWindow`).
public final class Shipper {
    private let configuration: ScaleoutConfiguration
    private let host: String
    private let subject: String
    private let logger: Logger
    private let notifier: ServiceNotifier
    private let acks = PublishAcks()
    private let client: NatsClient
    private var window: ShipperWindow
    private var file: OpenLog
    private var pending: [UInt8] = []
    private var pendingStart: Int64
    private var verifications: [(id: String, sequence: UInt64)] = []
    private var savedCheckpoint: LogPosition?
    private var lastSave: Int64 = 0
    private var unchangedSince: (size: Int64, time: Int64)?
    private var lastStatus: Int64 = 0
    private var statusProgress = ShipProgress()
    private let metrics: ShipMetrics
    private let metricsFile: MetricsTextFile
    private var lastMetrics: Int64 = 0
    private var metricsPublisher = MetricsFilePublisher()
    /// Milliseconds between writes of the metrics file.
    let metricsInterval: Int64 = 5000

    public var checkpointPath: String { configuration.state + "/ship.checkpoint" }

    struct OpenLog {
        var fd: Int32
        var path: String
        var position: LogPosition
    }

    public init(configuration: ScaleoutConfiguration, host: String, logger: Logger, stop: StopSignal)
        throws(ScaleoutError)
    {
        self.configuration = configuration
        self.host = host
        self.subject = configuration.subject(host: host)
        self.logger = logger
        self.notifier = ServiceNotifier()
        metrics = ShipMetrics(startedAtSeconds: WallClock.seconds)
        metricsFile = MetricsTextFile(path: configuration.shipMetricsPath)
        client = try NatsClient(configuration, acks: acks, name: "sitrep-ship-\(host)")
        try client.ensureStream(configuration)
        let checkpointPath = configuration.state + "/ship.checkpoint"
        let checkpoint = try Self.loadCheckpoint(checkpointPath)
        // The daemon creates the log with its first events: wait for it.
        var found = try Self.openLog(configuration.log, required: false)
        while found == nil && !stop.isRaised {
            usleep(200_000)
            found = try Self.openLog(configuration.log, required: false)
        }
        guard let live = found else {
            throw ScaleoutError(.logFile, configuration.log, "stopped before the log appeared")
        }
        let rotated = try Self.openLog(configuration.log + ".1", required: false)
        let start = ShipStart.decide(checkpoint: checkpoint, live: live.position, rotated: rotated?.position)
        switch start {
        case .live(let offset):
            file = live
            file.position.offset = offset
            if let rotated { close(rotated.fd) }
        case .rotated(let offset):
            file = rotated!
            file.position.offset = offset
            close(live.fd)
        case .liveFromStart:
            file = live
            if let rotated { close(rotated.fd) }
        }
        pendingStart = file.position.offset
        window = ShipperWindow(
            checkpoint: file.position, capacity: configuration.shipWindow,
            ackTimeout: Int64(configuration.ackTimeoutMilliseconds))
        logger.info(
            "Shipping the event log",
            metadata: [
                "log": "\(file.path)", "position": "\(file.position)", "subject": "\(subject)",
                "stream": "\(configuration.stream)",
            ])
    }

    /// Runs until `stop` is raised; the checkpoint is saved on the way out.
    public func run(stop: StopSignal) throws(ScaleoutError) {
        notifier.ready(status: "Shipping \(file.path) to \(subject)")
        while !stop.isRaised {
            let now = MonotonicClock.milliseconds
            var actions: [ShipperWindow.Action] = []
            for event in acks.take(waitingUpTo: 0) {
                switch event {
                case .acknowledged(let id, let sequence, let duplicate):
                    actions += window.acknowledged(messageID: id, sequence: sequence, duplicate: duplicate)
                case .failed(let id, let reason):
                    logger.debug(
                        "Publish failed; sending again", metadata: ["id": "\(id)", "reason": "\(reason)"])
                    window.failed(messageID: id, now: now)
                }
            }
            actions += window.tick(now: now)
            actions += verifyPending(now: now)
            let read = try readLines(now: now, into: &actions)
            try perform(actions, now: now)
            if !read && window.isEmpty { try followRotation(now: now) }
            try saveCheckpoint(now: now, force: false)
            reportStatus(now: now)
            if now - lastMetrics >= metricsInterval { writeMetrics(now: now) }
            if !read { acks.wait(milliseconds: 20) }
        }
        try saveCheckpoint(now: MonotonicClock.milliseconds, force: true)
        writeMetrics(now: MonotonicClock.milliseconds)
        notifier.stopping(status: "Stopped at \(window.checkpoint)")
        logger.info("Shipper stopped", metadata: ["position": "\(window.checkpoint)"])
    }

    private func perform(_ actions: [ShipperWindow.Action], now: Int64) throws(ScaleoutError) {
        var queue = actions[...]
        while let action = queue.popFirst() {
            switch action {
            case .publish(let id, let payload):
                if !client.publishAsync(
                    subject: subject, messageID: id, payload: payload,
                    maxWaitMilliseconds: Int64(configuration.ackTimeoutMilliseconds))
                {
                    window.failed(messageID: id, now: now)
                }
            case .verify(let id, let sequence):
                verifications.append((id, sequence))
            case .saveCheckpoint:
                break
            }
        }
    }

    /// Duplicate acks are checked against the stream before the checkpoint moves past them.
    private func verifyPending(now: Int64) -> [ShipperWindow.Action] {
        var actions: [ShipperWindow.Action] = []
        var again: [(id: String, sequence: UInt64)] = []
        for (id, sequence) in verifications {
            guard
                let holds = client.streamHolds(
                    stream: configuration.stream, sequence: sequence, messageID: id)
            else {
                again.append((id, sequence))
                continue
            }
            if !holds {
                logger.warning(
                    "A duplicate ack for a message the stream does not hold; sending it under a new id",
                    metadata: ["id": "\(id)", "sequence": "\(sequence)"])
            }
            actions += window.verified(messageID: id, found: holds, now: now)
        }
        verifications = again
        return actions
    }

    /// Offers whole lines while the window has room; false when nothing new was there.
    private func readLines(now: Int64, into actions: inout [ShipperWindow.Action]) throws(ScaleoutError)
        -> Bool
    {
        guard window.hasRoom else { return true }
        var offered = false
        while window.hasRoom {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = Array(pending[..<newline])
                let end = pendingStart + Int64(newline) + 1
                pending.removeSubrange(...newline)
                let start = pendingStart
                pendingStart = end
                guard !line.isEmpty else { continue }
                let key = Self.key(line: line, host: host, position: file.position, start: start)
                actions += window.offer(ShipperWindow.Line(key: key, payload: line, end: end), now: now)
                offered = true
                continue
            }
            let readAt = pendingStart + Int64(pending.count)
            let chunk: [UInt8]
            do {
                chunk = try FileReader.read(fd: file.fd, path: file.path, at: readAt, count: 1 << 18)
            } catch {
                throw ScaleoutError(.logFile, file.path, error.description)
            }
            if chunk.isEmpty { break }
            pending += chunk
        }
        return offered
    }

    static func key(line: [UInt8], host: String, position: LogPosition, start: Int64) -> MessageKey {
        if let row = try? EventRow(line: line) {
            return MessageKey(host: host, eventID: row.id, documentID: row.documentID)
        }
        // Not an event record: shipped anyway (the sink rejects and logs it) under a key of its place.
        return MessageKey(
            host: host, eventID: "unreadable-\(position.device)-\(position.inode)-\(start)", documentID: "-")
    }

    /// At the end of a file whose every line is acked: if the log was rotated and the old file has
    /// stopped growing for a second (the daemon reopens on SIGHUP), continue with the new one.
    private func followRotation(now: Int64) throws(ScaleoutError) {
        guard let current = try? FileStatus.ofEntry(configuration.log) else { return }
        let live = LogPosition(device: current.device, inode: current.inode, offset: 0)
        guard !live.sameFile(as: file.position) else {
            unchangedSince = nil
            return
        }
        guard let status = try? FileStatus.ofDescriptor(file.fd, path: file.path) else { return }
        guard let since = unchangedSince, since.size == status.size else {
            unchangedSince = (status.size, now)
            return
        }
        guard now - since.time >= 1000, pendingStart >= status.size else { return }
        guard let next = try Self.openLog(configuration.log, required: false),
            next.position.sameFile(as: live)
        else {
            return
        }
        close(file.fd)
        logger.info("The log was rotated; shipping the new file", metadata: ["position": "\(next.position)"])
        file = next
        pending = []
        pendingStart = 0
        unchangedSince = nil
        _ = window.switchFile(to: next.position)
        try saveCheckpoint(now: now, force: true)
    }

    private func saveCheckpoint(now: Int64, force: Bool) throws(ScaleoutError) {
        let checkpoint = window.checkpoint
        guard checkpoint != savedCheckpoint, force || now - lastSave >= 100 else { return }
        let temporary = checkpointPath + ".tmp.\(getpid())"
        do throws(SystemError) {
            try FileWriter.writeFile(temporary, bytes: Array(checkpoint.line.utf8), mode: 0o640)
            guard rename(temporary, checkpointPath) == 0 else {
                throw SystemError("rename", path: checkpointPath)
            }
        } catch {
            throw ScaleoutError(.checkpoint, checkpointPath, error.description)
        }
        savedCheckpoint = checkpoint
        lastSave = now
    }

    private func progress() -> ShipProgress {
        let size = (try? FileStatus.ofDescriptor(file.fd, path: file.path))?.size ?? 0
        return ShipProgress(window: window, logSize: size, bufferedLines: ShipProgress.lineCount(pending))
    }

    private func reportStatus(now: Int64) {
        guard now - lastStatus >= 2000 else { return }
        let current = progress()
        let rate = current.acknowledgedPerSecond(since: statusProgress, milliseconds: now - lastStatus)
        lastStatus = now
        statusProgress = current
        notifier.status(current.status(acknowledgedPerSecond: rate))
        if !notifier.isUnderServiceManager { notifier.watchdog() }
        logger.debug(
            "Shipping",
            metadata: [
                "published": "\(current.published)", "acknowledged": "\(current.acknowledged)",
                "in_flight": "\(current.inFlight)", "lag_bytes": "\(current.lagBytes)",
                "resent": "\(current.retried)",
            ])
    }

    /// The metrics file, every `metricsInterval` and at stop; a failure is logged once, not fatal.
    private func writeMetrics(now: Int64) {
        lastMetrics = now
        metrics.update(progress(), nowSeconds: WallClock.seconds)
        metricsPublisher.publish([(metricsFile, metrics.registry.exposition())], logger: logger)
    }

    static func loadCheckpoint(_ path: String) throws(ScaleoutError) -> LogPosition? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw ScaleoutError(.checkpoint, path, SystemError("open", path: path).description)
        }
        defer { close(fd) }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readAll(fd: fd, path: path, limit: 4096)
        } catch {
            throw ScaleoutError(.checkpoint, path, error.description)
        }
        return try LogPosition(line: String(decoding: bytes, as: UTF8.self), path: path)
    }

    static func openLog(_ path: String, required: Bool) throws(ScaleoutError) -> OpenLog? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if !required && errno == ENOENT { return nil }
            throw ScaleoutError(.logFile, path, SystemError("open", path: path).description)
        }
        guard let status = try? FileStatus.ofDescriptor(fd, path: path), status.kind == .regular else {
            close(fd)
            throw ScaleoutError(.logFile, path, "not a regular file")
        }
        return OpenLog(
            fd: fd, path: path, position: LogPosition(device: status.device, inode: status.inode, offset: 0))
    }
}
