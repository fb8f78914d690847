import Dispatch
import SitrepFormats

#if canImport(Glibc)
    import Glibc
#endif

extension Ingestor {
    /// What an inotify batch means for the queue. Returns false when the inbox itself went away.
    public func handle(_ events: [InotifyEvent]) -> Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        var inboxGone = false
        for event in events {
            if event.mask.contains(.queueOverflow) {
                logger.warning("inotify queue overflowed; rescanning the inbox")
                scan()
                continue
            }
            if event.mask.contains(.deleteSelf) || event.mask.contains(.moveSelf)
                || event.mask.contains(.unmount)
            {
                inboxGone = true
                continue
            }
            if let raw = event.undecodableName {
                if event.mask.contains(.closeWrite) || event.mask.contains(.movedTo)
                    || event.mask.contains(.create)
                {
                    quarantine(undecodable: raw)
                }
                continue
            }
            let name = event.name
            // Subdirectories are left alone: a producer may write into one of its own.
            guard !name.isEmpty, !event.mask.contains(.isDirectory) else { continue }
            switch InboxEntry(name: name) {
            case .ignored:
                continue
            case .stream, .rotatedStream:
                let kind: StreamTracker.Kind = InboxEntry(name: name) == .stream ? .stream : .rotated
                var st = stat()
                let now = lstat(inbox + "/" + name, &st) == 0 ? FileIdentity(FileStatus(st)) : nil
                if event.mask.contains(.delete) || event.mask.contains(.movedFrom) {
                    // The position may already be that of a new file under this name (read before
                    // the rename was seen): it stays with that file.
                    if now == nil { dirtyStreams.remove(name) }
                    if event.mask.contains(.movedFrom) {
                        streams.renamedAway(name, now: now)
                    } else {
                        streams.deleted(name, now: now)
                    }
                } else if event.mask.contains(.movedTo) {
                    if let now, streams.arrived(name, kind: kind, identity: now) {
                        dirtyStreams.insert(name)
                        scheduleDrain()
                    }
                } else if kind == .stream || streams.positions[name] != nil {
                    dirtyStreams.insert(name)
                    scheduleDrain()
                }
            case .document, .unsupported:
                if event.mask.contains(.closeWrite) || event.mask.contains(.movedTo) {
                    beingWritten.remove(name)
                    enqueue(name)
                } else if event.mask.contains(.create) {
                    // Regular files are read when their writer closes them; anything else
                    // (links, FIFOs, sockets, directories) never sends a close, so look now.
                    var st = stat()
                    if lstat(inbox + "/" + name, &st) == 0 {
                        let status = FileStatus(st)
                        if status.kind != .regular || status.linkCount > 1 {
                            enqueue(name)
                        } else {
                            beingWritten.insert(name)
                        }
                    }
                } else if event.mask.contains(.modify) {
                    beingWritten.insert(name)
                } else if event.mask.contains(.delete) || event.mask.contains(.movedFrom) {
                    beingWritten.remove(name)
                    forget(name)
                }
            }
        }
        saveStreamPositions()
        onStatusChange(statusLine)
        return !inboxGone
    }

    /// Lists the inbox and queues what is ready, oldest first: at start-up (the backlog), after an
    /// inotify overflow, and as a slow safety net.
    public func scan() {
        dispatchPrecondition(condition: .onQueue(queue))
        let names: [String]
        do {
            let entries = try Directory.entries(in: inbox)
            names = entries.names
            for raw in entries.undecodable { quarantine(undecodable: raw) }
        } catch {
            noteError(error)
            return
        }
        let now = clock.wallNanoseconds()
        let settle = Int64(configuration.settleMilliseconds) * 1_000_000
        var ready: [(modified: Int64, name: String)] = []
        var present = Set<String>()
        for name in names {
            present.insert(name)
            let entry = InboxEntry(name: name)
            if entry == .ignored { continue }
            var st = stat()
            guard lstat(inbox + "/" + name, &st) == 0 else { continue }
            let status = FileStatus(st)
            if status.kind == .directory { continue }
            switch entry {
            case .ignored:
                continue
            case .stream:
                dirtyStreams.insert(name)
            case .rotatedStream:
                continue
            case .document, .unsupported:
                // A file seen created or modified but not yet closed is still being written.
                guard !pendingNames.contains(name), !beingWritten.contains(name) else { continue }
                if configuration.onComplete == .keep, isKept(name, status) { continue }
                if status.kind != .regular || (now - status.modified >= settle && status.modified <= now) {
                    ready.append((status.modified, name))
                } else if settling[name].map({ $0.modified != status.modified || $0.size != status.size })
                    ?? true
                {
                    settling[name] = Settling(
                        modified: status.modified, size: status.size, since: clock.monotonicNanoseconds())
                }
            }
        }
        checkpoint.completed.removeAll { !present.contains($0.name) }
        beingWritten.formIntersection(present)
        reconcileStreams()
        for name in streams.positions.keys where InboxEntry(name: name) == .rotatedStream {
            dirtyStreams.insert(name)
        }
        saveStreamPositions()
        for entry in ready.sorted(by: { ($0.modified, $0.name) < ($1.modified, $1.name) }) {
            enqueue(entry.name)
        }
        armSettleTimer()
        if !dirtyStreams.isEmpty { scheduleDrain() }
    }

    /// Whether `name` is a document kept in the inbox (`on_complete = keep`) whose events are in the
    /// log: same identity, size and modification time, and the same first bytes (a new file on a
    /// reused inode can have the rest).
    func isKept(_ name: String, _ status: FileStatus) -> Bool {
        let identity = FileIdentity(status)
        guard
            let kept = checkpoint.completed.first(where: {
                $0.name == name && $0.identity == identity && $0.size == status.size
                    && $0.modified == status.modified
            })
        else { return false }
        guard let fingerprint = kept.fingerprint else { return true }
        let path = inbox + "/" + name
        guard let opened = try? FileReader.openEntry(path) else { return false }
        defer { close(opened.fd) }
        let count = Int(min(Int64(StreamTracker.fingerprintBytes), opened.status.size))
        guard let head = try? FileReader.read(fd: opened.fd, path: path, at: 0, count: count) else {
            return false
        }
        return SHA256.hex(head) == fingerprint
    }

    /// Files found by a scan while they were still changing are read once they have been left
    /// alone for `settle_ms`, or earlier if their writer closes them.
    func armSettleTimer() {
        guard !settling.isEmpty else {
            settleTimer?.cancel()
            settleTimer = nil
            return
        }
        if settleTimer == nil {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.setEventHandler { [self] in settleCheck() }
            settleTimer = timer
            timer.schedule(deadline: .now() + .milliseconds(configuration.settleMilliseconds))
            timer.activate()
        } else {
            settleTimer?.schedule(deadline: .now() + .milliseconds(configuration.settleMilliseconds))
        }
    }

    func settleCheck() {
        let now = clock.monotonicNanoseconds()
        let settle = Int64(configuration.settleMilliseconds) * 1_000_000
        for (name, seen) in settling {
            var st = stat()
            guard lstat(inbox + "/" + name, &st) == 0 else {
                settling[name] = nil
                continue
            }
            let status = FileStatus(st)
            if status.modified == seen.modified && status.size == seen.size {
                if now - seen.since >= settle { enqueue(name) }
            } else {
                settling[name] = Settling(modified: status.modified, size: status.size, since: now)
            }
        }
        armSettleTimer()
    }

    /// A name that is not valid UTF-8 cannot be written into the log faithfully: the file goes to
    /// `failed/` under a printable name.
    func quarantine(undecodable raw: [UInt8]) {
        statistics.failed += 1
        let reason = "the file name is not valid UTF-8"
        do {
            let moved = try Directory.move(undecodable: raw, from: inbox, to: failedDirectory)
            logger.warning("file rejected", metadata: ["file": "\(moved)", "reason": "\(reason)"])
            try writeReason(for: moved, reason: reason)
        } catch {
            if error.errno != ENOENT { noteError(error) }
        }
    }
}
