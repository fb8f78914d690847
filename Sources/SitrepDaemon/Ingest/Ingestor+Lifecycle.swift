import Dispatch
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension Ingestor {
    /// Brings the log and the inbox back in line with the last checkpoint, then queues the backlog.
    ///
    /// - Whole lines past the committed length recorded in the checkpoint stay (the log only ever
    ///   grows, for `tail -F` readers): they come from a batch whose checkpoint was never written;
    ///   that batch is read again and only the lines missing from the log are appended.
    /// - Files whose events are committed but which were not moved out yet are only moved.
    public func start() throws(SystemError) {
        dispatchPrecondition(condition: .onQueue(queue))
        var rebuildFromLog = false
        switch try store.load(wallSeconds: clock.wallNanoseconds() / 1_000_000_000) {
        case .fresh:
            checkpoint = Checkpoint()
            rebuildFromLog = true
        case .loaded(let loaded):
            checkpoint = loaded
            streams = StreamTracker(positions: loaded.streams, departed: loaded.departedStreams ?? [])
        case .recovered(let reason, let preservedAt):
            checkpoint = Checkpoint()
            rebuildFromLog = true
            statistics.lastError =
                "checkpoint was unreadable (\(reason)); progress rebuilt from the event log"
            logger.error(
                "checkpoint unreadable; rebuilding progress from the event log",
                metadata: ["reason": "\(reason)", "preserved_at": "\(preservedAt)"])
        }
        try alignLogWithCheckpoint()
        if rebuildFromLog { try rebuildProgress() }
        for file in checkpoint.completed {
            var st = stat()
            if lstat(inbox + "/" + file.name, &st) == 0 {
                let status = FileStatus(st)
                if FileIdentity(status) == file.identity && status.size == file.size
                    && status.modified == file.modified
                {
                    finish(file)
                    continue
                }
            }
            checkpoint.completed.removeAll { $0 == file }
        }
        checkpoint.log = Checkpoint.LogMark(
            path: eventLog.path, identity: eventLog.identity, length: recoveryMark ?? eventLog.committedLength
        )
        record(streams, in: &checkpoint)
        try store.save(checkpoint)
        scan()
    }

    /// Without a checkpoint, the log's own tail says which documents and stream records are done:
    /// those are not logged again.
    func rebuildProgress() throws(SystemError) {
        let index = try LogIndex.read(log: eventLog.path)
        guard !index.isEmpty else { return }
        alreadyLogged = index.documents
        for (name, last) in index.streams {
            let path = inbox + "/" + name
            guard let opened = try? FileReader.openEntry(path) else { continue }
            defer { close(opened.fd) }
            // Resume after the line that starts at the last logged record's offset.
            var cursor = last.offset
            var end: Int64?
            while end == nil,
                let chunk = try? FileReader.read(fd: opened.fd, path: path, at: cursor, count: 1 << 16),
                !chunk.isEmpty
            {
                if let newline = chunk.firstIndex(of: 0x0A) { end = cursor + Int64(newline) + 1 }
                cursor += Int64(chunk.count)
            }
            guard let end else { continue }
            streams.advance(
                name,
                to: Checkpoint.StreamPosition(
                    identity: FileIdentity(opened.status), fingerprint: "", fingerprintLength: 0, offset: end,
                    records: last.record + 1))
        }
        logger.notice(
            "progress rebuilt from the event log",
            metadata: ["documents": "\(index.documents.count)", "streams": "\(index.streams.count)"])
    }

    func alignLogWithCheckpoint() throws(SystemError) {
        if let mark = checkpoint.log, mark.identity == eventLog.identity {
            if eventLog.committedLength > mark.length {
                try keepUncommittedTail(from: mark.length)
            } else if eventLog.committedLength < mark.length {
                logger.warning(
                    "event log is shorter than recorded; it was truncated by someone else",
                    metadata: ["recorded": "\(mark.length)", "actual": "\(eventLog.committedLength)"])
            }
        }
        let whole = try eventLog.lengthOfWholeLines()
        if whole < eventLog.committedLength {
            logger.notice(
                "cutting back a torn last line", metadata: ["bytes": "\(eventLog.committedLength - whole)"])
            try eventLog.truncate(to: whole)
        }
    }

    /// Reads the log past `length` into `recoveredLines`. A torn last line is still cut off (by the
    /// caller): it cannot be told apart from a line another writer left.
    func keepUncommittedTail(from length: Int64) throws(SystemError) {
        let end = eventLog.committedLength
        let fd = open(eventLog.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw SystemError("open", path: eventLog.path) }
        defer { close(fd) }
        var tail: [UInt8] = []
        var cursor = length
        while cursor < end {
            let chunk = try FileReader.read(
                fd: fd, path: eventLog.path, at: cursor, count: Int(min(8 << 20, end - cursor)))
            if chunk.isEmpty { break }
            tail += chunk
            cursor += Int64(chunk.count)
        }
        var start = 0
        while let newline = tail[start...].firstIndex(of: 0x0A) {
            recoveredLines.insert(ArraySlice(Array(tail[start...newline])))
            start = newline + 1
        }
        recoveryMark = length
        logger.notice(
            "keeping log lines past the last checkpoint; their documents are read again without doubling them",
            metadata: ["lines": "\(recoveredLines.count)", "bytes": "\(end - length)"])
    }

    /// Applies a re-read configuration (SIGHUP) and reopens the log, so a rotated log is left to
    /// logrotate and a new one is started at the configured path.
    public func reload(_ newConfiguration: DaemonConfiguration) {
        dispatchPrecondition(condition: .onQueue(queue))
        var applied = newConfiguration
        if newConfiguration.inbox != configuration.inbox || newConfiguration.state != configuration.state {
            logger.warning("inbox and state directory changes take effect at restart")
            applied.inbox = configuration.inbox
            applied.state = configuration.state
        }
        configuration = applied
        if let level = Logger.Level(rawValue: applied.logLevel) { logger.logLevel = level }
        reopenLog()
        scan()
    }

    /// Opens whatever is at the log path now (after logrotate, or after the file was deleted).
    public func reopenLog() {
        do {
            if configuration.log != eventLog.path {
                eventLog = try EventLog(path: configuration.log)
            } else {
                try eventLog.reopen()
            }
            let whole = try eventLog.lengthOfWholeLines()
            if whole < eventLog.committedLength { try eventLog.truncate(to: whole) }
            checkpoint.log = Checkpoint.LogMark(
                path: eventLog.path, identity: eventLog.identity, length: eventLog.committedLength)
            try store.save(checkpoint)
            logger.info("event log reopened", metadata: ["log": "\(eventLog.path)"])
        } catch {
            noteError(error)
        }
    }

    /// Periodic check (from the rescan timer): the log deleted or renamed under us is reopened.
    public func checkLog() {
        if !eventLog.isStillAtPath {
            logger.warning("event log was moved or deleted; reopening", metadata: ["log": "\(eventLog.path)"])
            reopenLog()
        }
    }

    /// Nothing is half done between drain steps, so stopping only means starting no new step.
    public func stop() {
        dispatchPrecondition(condition: .onQueue(queue))
        stopped = true
        settleTimer?.cancel()
        retryTimer?.cancel()
        settleTimer = nil
        retryTimer = nil
    }
}
