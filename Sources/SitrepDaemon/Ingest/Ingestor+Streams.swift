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
        } catch {
            rejected.append((name, error.description))
            return
        }
        defer { close(opened.fd) }
        let status = opened.status
        let identity = FileIdentity(status)
        let known = batch.streamPositions[name] ?? checkpoint.streams[name]
        // A rotated file is only finished, never read from its start.
        if InboxEntry(name: name) == .rotatedStream && known?.identity != identity { return }
        var position =
            known
            ?? Checkpoint.StreamPosition(
                identity: identity, fingerprint: "", fingerprintLength: 0, offset: 0, records: 0)
        if let old = known, old.identity != identity, old.offset > 0, InboxEntry(name: name) == .stream {
            // The file under this name was rotated away and a new one took the name before the
            // rename was seen: the old file keeps its position, under the name it now has, in the
            // same commit, so its unread tail is still read (and only once).
            keepRotatedPosition(old, of: name, in: &batch)
        }
        if position.identity != identity || status.size < position.offset
            || !fingerprintMatches(position, fd: opened.fd, path: path)
        {
            if position.offset > 0 {
                logger.notice(
                    "stream replaced or truncated; reading it from the start",
                    metadata: ["file": "\(name)", "previous_offset": "\(position.offset)"])
            }
            position = Checkpoint.StreamPosition(
                identity: identity, fingerprint: "", fingerprintLength: 0, offset: 0, records: 0)
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
        updateFingerprint(&position, fd: opened.fd, path: path)
        batch.streamPositions[name] = position
        if position.offset < status.size
            && (consumed > 0 || lines.isEmpty && bytes.count > configuration.maxLineBytes)
        {
            dirtyStreams.insert(name)
        }
    }

    /// Gives the position of a stream file that was renamed away to the rotated name it now has
    /// (found by its identity), or keeps it for the rename still to be seen.
    private func keepRotatedPosition(_ old: Checkpoint.StreamPosition, of name: String, in batch: inout Batch)
    {
        if let names = try? Directory.entries(in: inbox).names {
            for candidate in names where candidate != name && InboxEntry(name: candidate) == .rotatedStream {
                var st = stat()
                guard lstat(inbox + "/" + candidate, &st) == 0, FileIdentity(FileStatus(st)) == old.identity
                else { continue }
                if batch.streamPositions[candidate] == nil && checkpoint.streams[candidate] == nil {
                    batch.streamPositions[candidate] = old
                    dirtyStreams.insert(candidate)
                }
                return
            }
        }
        renamedStreams[old.identity] = old
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

    private func fingerprintMatches(_ position: Checkpoint.StreamPosition, fd: Int32, path: String) -> Bool {
        guard position.fingerprintLength > 0 else { return true }
        guard let head = try? FileReader.read(fd: fd, path: path, at: 0, count: position.fingerprintLength),
            head.count == position.fingerprintLength
        else { return false }
        return SHA256.hex(head) == position.fingerprint
    }

    private func updateFingerprint(_ position: inout Checkpoint.StreamPosition, fd: Int32, path: String) {
        let length = Int(min(Int64(fingerprintBytes), position.offset))
        guard length > position.fingerprintLength,
            let head = try? FileReader.read(fd: fd, path: path, at: 0, count: length), head.count == length
        else { return }
        position.fingerprint = SHA256.hex(head)
        position.fingerprintLength = length
    }
}
