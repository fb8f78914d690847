import CSystemd
import Dispatch
import Logging
import SitrepExtraction
import SitrepFormats

#if canImport(Glibc)
    import Glibc
#endif

/// Turns inbox files into event-log lines, exactly once.
///
/// All mutable state lives on `queue`: every entry point must be called there (checked with
/// `dispatchPrecondition`), and the timers it creates target that queue. That confinement is what
/// makes the `@unchecked Sendable` below sound: the class is only handed to Dispatch so that its
/// handlers, which all run on `queue`, can reach it.
public final class Ingestor: @unchecked Sendable {
    public let queue: DispatchQueue
    public internal(set) var configuration: DaemonConfiguration
    let extractor: Extractor
    /// Its level follows `log_level` on SIGHUP, as the daemon's own logger's does.
    var logger: Logger
    let clock: SystemClock
    let store: CheckpointStore
    let inbox: String
    let processedDirectory: String
    let failedDirectory: String
    /// Called after every change worth showing in `STATUS=`.
    let onStatusChange: @Sendable (String) -> Void

    var eventLog: EventLog
    var checkpoint = Checkpoint()
    public internal(set) var statistics = IngestStatistics()
    /// Where reads, extraction times and commits are counted; nil when nothing is measured.
    public var metrics: IngestMetrics?
    /// What the batch being read holds, for the metrics once it is committed.
    var pendingTally = EventTally()
    /// Monotonic time of the last checkpoint written (for the checkpoint-lag gauge).
    public internal(set) var lastCheckpointNanoseconds: Int64 = 0
    /// Wall-clock time of the last commit that added events; 0 before the first.
    public internal(set) var lastEventWallNanoseconds: Int64 = 0

    /// Documents waiting to be read, oldest first.
    var pending: [String] = []
    var pendingHead = 0
    var pendingNames: Set<String> = []
    /// Names found by a scan that changed recently (or whose modification time is in the future),
    /// with what they looked like when last seen changing.
    var settling: [String: Settling] = [:]

    /// A file waiting to be left alone for `settle_ms`, as the daemon's own monotonic clock measures
    /// it: a modification time ahead of the wall clock (a clock stepped back, `touch -d`, an
    /// archive) must not keep it waiting for ever.
    struct Settling {
        var modified: Int64
        var size: Int64
        /// Monotonic time at which it was first seen looking like this.
        var since: Int64
    }
    var dirtyStreams: Set<String> = []
    /// Where each stream has been read up to, including the batch in hand; written into the
    /// checkpoint at each commit (between drain steps it holds nothing uncommitted).
    var streams = StreamTracker()
    /// Documents (path and text digest) found in the log when the checkpoint was missing; kept
    /// until the start-up backlog is drained.
    var alreadyLogged: Set<String> = []
    /// Whole lines found in the log past the checkpointed length at start-up (a batch logged, then a
    /// crash before its checkpoint): they stay, and the same lines made again when that batch is read
    /// again are not appended a second time. Kept until the start-up backlog is drained.
    var recoveredLines: Set<ArraySlice<UInt8>> = []
    /// While `recoveredLines` is in use, the log length the checkpoint keeps recording: a crash during
    /// recovery then finds all the lines written since in the tail again.
    var recoveryMark: Int64?
    /// Documents created or modified while watched and not closed yet: never read by a scan.
    var beingWritten: Set<String> = []
    /// Within one drain step: identities looked up in `/proc`, and those another process has open
    /// for writing.
    var writersChecked: Set<FileIdentity> = []
    var writersFound: Set<FileIdentity> = []
    var drainScheduled = false
    var settleTimer: DispatchSourceTimer?
    var retryTimer: DispatchSourceTimer?
    var retryDelaySeconds = 0
    var stopped = false

    /// Most bytes of log lines one drain step collects before committing, and most time it spends.
    let batchByteBudget = 8 << 20
    let batchTimeBudgetNanoseconds: Int64 = 50_000_000
    let streamChunkBytes = 4 << 20
    /// A document (or stream chunk) at least this large has its memory given back after its batch.
    let largeInputBytes = 1 << 20

    public init(
        configuration: DaemonConfiguration, extractor: Extractor, queue: DispatchQueue, logger: Logger,
        clock: SystemClock = .live, onStatusChange: @escaping @Sendable (String) -> Void
    ) throws(SystemError) {
        self.configuration = configuration
        self.extractor = extractor
        self.queue = queue
        self.logger = logger
        self.clock = clock
        self.onStatusChange = onStatusChange
        inbox = configuration.inbox
        store = CheckpointStore(directory: configuration.state)
        processedDirectory = configuration.state + "/processed"
        failedDirectory = configuration.state + "/failed"
        try Directory.ensure(processedDirectory)
        try Directory.ensure(failedDirectory)
        // A copy across file systems cut short by a crash.
        Directory.removePartialCopy(in: processedDirectory)
        Directory.removePartialCopy(in: failedDirectory)
        eventLog = try EventLog(path: configuration.log)
    }

    public var backlog: Int { pending.count - pendingHead + settling.count }

    public var statusLine: String {
        var line =
            "inbox \(inbox): \(CountPhrase.of(statistics.documents, "document", "documents")), "
            + "\(CountPhrase.of(statistics.events, "event", "events")), "
            + "\(statistics.failed) failed; backlog \(backlog)"
        if retryTimer != nil, let error = statistics.lastError {
            line += "; paused, retrying: \(error)"
        } else if let error = statistics.lastError {
            line += "; last error: \(error)"
        }
        return line
    }

    // MARK: Queue of documents

    func enqueue(_ name: String) {
        settling[name] = nil
        guard !pendingNames.contains(name) else { return }
        pendingNames.insert(name)
        pending.append(name)
        scheduleDrain()
    }

    func dequeue() -> String? {
        guard pendingHead < pending.count else { return nil }
        let name = pending[pendingHead]
        pendingHead += 1
        pendingNames.remove(name)
        if pendingHead == pending.count {
            // Drained: give the memory of a burst back, to the system too (glibc keeps freed heap
            // pages otherwise, and a burst of thousands of names leaves many).
            let wasBurst = pending.count > 1000
            pending = []
            pendingNames = []
            pendingHead = 0
            if wasBurst { sitrep_release_free_memory() }
        } else if pendingHead > 4096 && pendingHead * 2 > pending.count {
            pending.removeFirst(pendingHead)
            pendingHead = 0
        }
        return name
    }

    /// Puts names back at the front, in order, after a batch could not be committed.
    func requeueFront(_ names: [String]) {
        let fresh = names.filter { !pendingNames.contains($0) }
        pending.replaceSubrange(pendingHead..<pendingHead, with: fresh)
        pendingNames.formUnion(fresh)
    }

    func forget(_ name: String) {
        settling[name] = nil
        if pendingNames.remove(name) != nil {
            if let index = pending[pendingHead...].firstIndex(of: name) { pending.remove(at: index) }
        }
    }

    func scheduleDrain() {
        guard !drainScheduled, !stopped, retryTimer == nil else { return }
        drainScheduled = true
        queue.async { [self] in drainStep() }
    }

    // MARK: Draining

    func drainStep() {
        dispatchPrecondition(condition: .onQueue(queue))
        drainScheduled = false
        guard !stopped, retryTimer == nil else { return }
        var batch = Batch()
        let streamsBefore = streams
        writersChecked = []
        writersFound = []
        pendingTally = EventTally()
        var rejected: [(name: String, reason: String)] = []
        let started = clock.monotonicNanoseconds()
        func withinBudget() -> Bool {
            batch.lines.count < batchByteBudget
                && clock.monotonicNanoseconds() - started < batchTimeBudgetNanoseconds
        }
        while withinBudget(), let name = dequeue() {
            batch.names.append(name)
            switch readDocument(name) {
            case .extracted(let file, let lines, let events, let documents):
                batch.lines += lines
                batch.events += events
                batch.documents += documents
                batch.largestInput = max(batch.largestInput, file.size)
                batch.completed.append(file)
            case .alreadyInLog(let file):
                batch.completed.append(file)
            case .rejected(let reason):
                rejected.append((name, reason))
            case .vanished:
                break
            case .stillOpen:
                // Its writer's close (IN_CLOSE_WRITE) queues it again.
                logger.info(
                    "file still open for writing; read when it is closed", metadata: ["file": "\(name)"])
                beingWritten.insert(name)
            case .changedWhileRead(let status):
                logger.info(
                    "file changed while it was read; read again when it settles",
                    metadata: ["file": "\(name)"])
                settling[name] = Settling(
                    modified: status.modified, size: status.size, since: clock.monotonicNanoseconds())
                armSettleTimer()
            }
        }
        for name in dirtyStreams.sorted() where withinBudget() {
            dirtyStreams.remove(name)
            readStream(name, into: &batch, rejected: &rejected)
        }
        for (name, reason) in rejected { reject(name, reason: reason) }
        if !batch.isEmpty && !commit(batch) { streams = streamsBefore }
        if batch.largestInput >= Int64(largeInputBytes) {
            // Extracting a large document takes memory in proportion to it; glibc keeps the freed
            // pages, so without this the daemon would stay at its peak while idle.
            batch = Batch()
            sitrep_release_free_memory()
        }
        if pendingHead < pending.count || !dirtyStreams.isEmpty {
            scheduleDrain()
        } else if settling.isEmpty {
            alreadyLogged = []
            if recoveryMark != nil { endRecovery() }
        }
        onStatusChange(statusLine)
    }

    /// Log write, then checkpoint, then moving files out: a crash between any two steps is
    /// repaired at start-up (see `start()`), so every event is in the log exactly once. Returns
    /// false when the batch was put back, to be read again (the stream positions it advanced are
    /// then the caller's to take back).
    @discardableResult
    func commit(_ batch: Batch) -> Bool {
        if eventLog.isDeleted {
            logger.warning("event log was deleted; starting a new one", metadata: ["log": "\(eventLog.path)"])
            reopenLog()
        }
        let previousLength = eventLog.committedLength
        var batch = batch
        if !recoveredLines.isEmpty { dropRecoveredLines(&batch) }
        do {
            try eventLog.append(batch.lines)
        } catch {
            pause(batch, error: error)
            return false
        }
        var next = checkpoint
        next.log = Checkpoint.LogMark(
            path: eventLog.path, identity: eventLog.identity, length: recoveryMark ?? eventLog.committedLength
        )
        next.completed += batch.completed
        record(streams, in: &next)
        do {
            try store.save(next)
        } catch {
            try? eventLog.truncate(to: previousLength)
            pause(batch, error: error)
            return false
        }
        checkpoint = next
        lastCheckpointNanoseconds = clock.monotonicNanoseconds()
        retryDelaySeconds = 0
        let committedAt = clock.wallNanoseconds()
        if batch.events > 0 { lastEventWallNanoseconds = committedAt }
        metrics?.committed(pendingTally, atSeconds: Double(committedAt) / 1e9)
        pendingTally = EventTally()
        statistics.documents += batch.documents
        statistics.events += batch.events
        for file in batch.completed { finish(file) }
        return true
    }

    /// Writes the stream positions of `tracker` into `checkpoint`.
    func record(_ tracker: StreamTracker, in checkpoint: inout Checkpoint) {
        checkpoint.streams = tracker.positions
        let departed = tracker.departedList
        checkpoint.departedStreams = departed.isEmpty ? nil : departed
    }

    /// Saves what changed in the stream positions between drain steps (a stream renamed, deleted,
    /// or gone from the inbox), so the checkpoint never keeps a position of a file that is gone.
    func saveStreamPositions() {
        var next = checkpoint
        record(streams, in: &next)
        guard next.streams != checkpoint.streams || next.departedStreams != checkpoint.departedStreams
        else { return }
        do {
            try store.save(next)
            checkpoint = next
        } catch {
            noteError(error)
        }
    }

    /// Leaves out of `batch` the lines already in the log's recovered tail (each such line only once).
    func dropRecoveredLines(_ batch: inout Batch) {
        var kept: [UInt8] = []
        kept.reserveCapacity(batch.lines.count)
        var start = 0
        let lines = batch.lines
        while start < lines.count {
            let end = (lines[start...].firstIndex(of: 0x0A) ?? (lines.count - 1)) + 1
            let line = lines[start..<end]
            if recoveredLines.remove(line) != nil {
                batch.events -= 1
            } else {
                kept += line
            }
            start = end
        }
        batch.lines = kept
    }

    /// The start-up backlog is drained: every batch cut short by the last crash was read again.
    func endRecovery() {
        if !recoveredLines.isEmpty {
            logger.notice(
                "log lines past the last checkpoint whose documents are gone were kept",
                metadata: ["lines": "\(recoveredLines.count)"])
        }
        recoveredLines = []
        recoveryMark = nil
        checkpoint.log = Checkpoint.LogMark(
            path: eventLog.path, identity: eventLog.identity, length: eventLog.committedLength)
        do {
            try store.save(checkpoint)
        } catch {
            noteError(error)
        }
    }

    /// Stops consuming after a failed commit (full disk, read-only log, …) and retries with back-off.
    func pause(_ batch: Batch, error: SystemError) {
        requeueFront(batch.names)
        metrics?.failed(.commit, document: false)
        pendingTally = EventTally()
        dirtyStreams.formUnion(batch.streamPositions.keys)
        statistics.lastError = error.description
        retryDelaySeconds = min(max(1, retryDelaySeconds * 2), 60)
        logger.error(
            "could not commit events; pausing",
            metadata: ["error": "\(error)", "retry_seconds": "\(retryDelaySeconds)"])
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .seconds(retryDelaySeconds))
        timer.setEventHandler { [self] in
            retryTimer?.cancel()
            retryTimer = nil
            logger.info("retrying commit")
            scheduleDrain()
        }
        retryTimer = timer
        timer.activate()
    }

    /// Moves a document whose events are committed out of the inbox, as configured.
    func finish(_ file: Checkpoint.CompletedFile) {
        switch configuration.onComplete {
        case .keep:
            return
        case .delete:
            if unlink(inbox + "/" + file.name) != 0 && errno != ENOENT {
                noteError(SystemError("unlink", path: inbox + "/" + file.name))
                return
            }
        case .move:
            do {
                try Directory.move(file.name, from: inbox, to: processedDirectory)
            } catch {
                if error.errno != ENOENT {
                    noteError(error)
                    return
                }
            }
        }
        checkpoint.completed.removeAll { $0.isSame(as: file) }
    }

    /// Moves a file that cannot be ingested to `failed/`, with a `.reason` file beside it.
    func reject(_ name: String, reason: String) {
        statistics.failed += 1
        metrics?.failed(FailureReason(describing: reason), document: true)
        logger.warning("file rejected", metadata: ["file": "\(name)", "reason": "\(reason)"])
        do {
            let moved = try Directory.move(name, from: inbox, to: failedDirectory)
            try writeReason(for: moved, reason: reason)
        } catch {
            noteError(error)
        }
    }

    func writeReason(for name: String, reason: String) throws(SystemError) {
        let text = "file: \(name)\nreason: \(reason)\n"
        try FileWriter.writeFile(failedDirectory + "/" + name + ".reason", bytes: Array(text.utf8))
    }

    func noteError(_ error: SystemError) {
        statistics.lastError = error.description
        logger.error("file operation failed", metadata: ["error": "\(error)"])
    }

    /// Extracts the events of one document, timing it and counting them for the metrics.
    func extractCounted(_ document: Document) -> [Event] {
        let started = clock.monotonicNanoseconds()
        let events = extractor.extract(document)
        metrics?.extracted(nanoseconds: clock.monotonicNanoseconds() - started)
        pendingTally.add(document: events)
        return events
    }

    /// Lines of `events`, ready to append.
    func encode(_ events: [Event], into lines: inout [UInt8]) {
        for event in events { event.appendJSONLine(to: &lines) }
    }
}
