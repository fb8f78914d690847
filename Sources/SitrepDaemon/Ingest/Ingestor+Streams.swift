import SitrepExtraction
import SitrepFormats

#if canImport(Glibc)
    import Glibc
#endif

extension Ingestor {
    /// Reads the complete lines a `.jsonl` stream gained since its checkpointed position.
    func readStream(_ name: String, into batch: inout Batch, rejected: inout [(name: String, reason: String)])
    {
        let path = inbox + "/" + name
        let opened: FileReader.Opened
        do {
            opened = try FileReader.openEntry(path)
        } catch .vanished {
            return
        } catch .notRegular(.directory) {
            // Subdirectories are left alone, whatever their names.
            return
        } catch {
            rejected.append((name, error.description))
            return
        }
        defer { close(opened.fd) }
        let status = opened.status
        let identity = FileIdentity(status)
        let kind: StreamTracker.Kind = InboxEntry(name: name) == .rotatedStream ? .rotated : .stream
        let fd = opened.fd
        let resolution = streams.start(
            name, kind: kind,
            observed: StreamTracker.Observation(identity: identity, size: status.size) { offset, count in
                guard let bytes = try? FileReader.read(fd: fd, path: path, at: offset, count: count),
                    bytes.count == count
                else { return nil }
                return SHA256.hex(bytes)
            })
        if resolution.departed != nil {
            // The file under this name was rotated away and a new one took the name before the
            // rename was seen: the old file keeps its position, under the name it now has, in the
            // same commit, so its unread tail is still read (and only once).
            reconcileStreams()
        }
        var position: Checkpoint.StreamPosition
        switch resolution.start {
        case .leave:
            return
        case .resume(let known):
            position = known
        case .fromStart(let fresh, let replacing):
            if let replacing, replacing > 0 {
                logger.notice(
                    "stream replaced or truncated; reading it from the start",
                    metadata: ["file": "\(name)", "previous_offset": "\(replacing)"])
            }
            position = fresh
        }
        if case .resume = resolution.start {
        } else {
            // A new position is committed even when nothing can be read yet.
            batch.streamPositions[name] = position
        }
        guard status.size > position.offset else { return }
        let available = Int(status.size - position.offset)
        var bytes: [UInt8]
        do {
            bytes = try FileReader.read(
                fd: opened.fd, path: path, at: position.offset, count: min(available, streamChunkBytes))
            if !bytes.contains(0x0A) && bytes.count < available {
                // One line longer than a chunk: read it whole, up to the line limit.
                bytes = try FileReader.read(
                    fd: opened.fd, path: path, at: position.offset,
                    count: min(available, configuration.maxLineBytes + 1))
            }
        } catch {
            noteError(error)
            return
        }
        batch.largestInput = max(batch.largestInput, Int64(bytes.count))
        let (lines, consumed) = LineSplitter.completeLines(in: bytes, base: position.offset)
        if lines.isEmpty && bytes.count > configuration.maxLineBytes {
            skipLongLine(name, position: &position, fd: opened.fd, path: path, size: status.size)
        } else {
            for line in lines {
                let record = position.records
                position.records += 1
                guard !line.range.isEmpty else { continue }
                guard line.range.count <= configuration.maxLineBytes else {
                    rejectRecord(
                        name, record: record, offset: line.offset, bytes: [],
                        reason:
                            "line of \(line.range.count) bytes is longer than max_line_bytes (\(configuration.maxLineBytes))"
                    )
                    continue
                }
                do {
                    var document = try DocumentDecoder.decodeRecord(
                        bytes[line.range], record: record, offset: Int(line.offset))
                    document.path = name
                    guard let events = extractWithin(documentDeadline(), document) else {
                        rejectRecord(
                            name, record: record, offset: line.offset, bytes: Array(bytes[line.range]),
                            reason: overBudgetReason)
                        continue
                    }
                    batch.events += events.count
                    batch.documents += 1
                    encode(events, into: &batch.lines)
                } catch {
                    rejectRecord(
                        name, record: record, offset: line.offset, bytes: Array(bytes[line.range]),
                        reason: "\(error)")
                }
            }
            position.offset += Int64(consumed)
            metrics?.read(bytes: consumed)
        }
        updateFingerprints(&position, fd: opened.fd, path: path)
        streams.advance(name, to: position)
        batch.streamPositions[name] = position
        if position.offset < status.size
            && (consumed > 0 || lines.isEmpty && bytes.count > configuration.maxLineBytes)
        {
            dirtyStreams.insert(name)
        }
    }

    /// Skips a line longer than `max_line_bytes`, recording it in `failed/`.
    private func skipLongLine(
        _ name: String, position: inout Checkpoint.StreamPosition, fd: Int32, path: String, size: Int64
    ) {
        var cursor = position.offset + Int64(configuration.maxLineBytes)
        while cursor < size {
            guard let chunk = try? FileReader.read(fd: fd, path: path, at: cursor, count: 1 << 20),
                !chunk.isEmpty
            else { return }
            if let newline = chunk.firstIndex(of: 0x0A) {
                let end = cursor + Int64(newline) + 1
                rejectRecord(
                    name, record: position.records, offset: position.offset, bytes: [],
                    reason:
                        "line of \(end - position.offset) bytes is longer than max_line_bytes (\(configuration.maxLineBytes))"
                )
                position.records += 1
                position.offset = end
                return
            }
            cursor += Int64(chunk.count)
        }
        // No newline yet: wait for the rest of the line before deciding where it ends.
    }

    /// A stream record that cannot be read goes to `failed/` as its own small file with a reason.
    func rejectRecord(_ name: String, record: Int, offset: Int64, bytes: [UInt8], reason: String) {
        statistics.failed += 1
        metrics?.failed(FailureReason(describing: reason), document: true)
        logger.warning(
            "stream record rejected",
            metadata: [
                "file": "\(name)", "record": "\(record)", "offset": "\(offset)", "reason": "\(reason)",
            ])
        let recordName = "\(name).record-\(record)"
        do {
            try FileWriter.writeFile(failedDirectory + "/" + recordName, bytes: bytes + [0x0A])
            try writeReason(
                for: recordName, reason: "record \(record) at byte \(offset) of \(name): \(reason)")
        } catch {
            noteError(error)
        }
    }

    /// Fingerprints the first bytes (until there are enough of them) and the bytes just before
    /// the new offset.
    private func updateFingerprints(_ position: inout Checkpoint.StreamPosition, fd: Int32, path: String) {
        let limit = Int64(StreamTracker.fingerprintBytes)
        let length = Int(min(limit, position.offset))
        if length > position.fingerprintLength,
            let head = try? FileReader.read(fd: fd, path: path, at: 0, count: length), head.count == length
        {
            position.fingerprint = SHA256.hex(head)
            position.fingerprintLength = length
        }
        let tailLength = Int(min(limit, position.offset))
        guard tailLength > 0,
            let tail = try? FileReader.read(
                fd: fd, path: path, at: position.offset - Int64(tailLength), count: tailLength),
            tail.count == tailLength
        else {
            position.tailFingerprint = nil
            return
        }
        position.tailFingerprint = SHA256.hex(tail)
    }

    /// Lists the stream and rotated names of the inbox and lets every position follow its file
    /// (see `StreamTracker.reconcile`); the names that got a position are read.
    func reconcileStreams() {
        guard let names = try? Directory.entries(in: inbox).names else { return }
        var present: [String: FileIdentity] = [:]
        for name in names {
            switch InboxEntry(name: name) {
            case .stream, .rotatedStream:
                var st = stat()
                guard lstat(inbox + "/" + name, &st) == 0, FileStatus(st).kind == .regular else { continue }
                present[name] = FileIdentity(FileStatus(st))
            default:
                continue
            }
        }
        for name in streams.reconcile(present: present) { dirtyStreams.insert(name) }
    }
}
