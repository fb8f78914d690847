import SitrepExtraction
import SitrepFormats

#if canImport(Glibc)
    import Glibc
#endif

extension Ingestor {
    enum DocumentOutcome {
        case extracted(Checkpoint.CompletedFile, lines: [UInt8], events: Int, documents: Int)
        /// Its events were committed before a crash; only the move is left to do.
        case alreadyInLog(Checkpoint.CompletedFile)
        case rejected(String)
        case vanished
        /// Another process has it open for writing: read when it is closed.
        case stillOpen
        /// It changed while it was read: read once it has been left alone for `settle_ms`.
        case changedWhileRead(FileStatus)
    }

    /// Reads one complete document file and extracts its events.
    func readDocument(_ name: String) -> DocumentOutcome {
        let format: DocumentFormat
        switch InboxEntry(name: name) {
        case .ignored, .stream, .rotatedStream: return .vanished
        case .unsupported(let reason):
            var st = stat()
            guard lstat(inbox + "/" + name, &st) == 0 else { return .vanished }
            let kind = FileStatus(st).kind
            if kind == .directory { return .vanished }
            return .rejected(kind == .regular ? reason : FileReader.Refusal.notRegular(kind).description)
        case .document(let documentFormat): format = documentFormat
        }
        let path = inbox + "/" + name
        let opened: FileReader.Opened
        do {
            opened = try FileReader.openEntry(path)
        } catch .vanished {
            return .vanished
        } catch .notRegular(.directory) {
            return .vanished
        } catch {
            return .rejected(error.description)
        }
        defer { close(opened.fd) }
        let status = opened.status
        if isOpenForWriting(FileIdentity(status)) { return .stillOpen }
        var file = Checkpoint.CompletedFile(
            name: name, identity: FileIdentity(status), size: status.size, modified: status.modified)
        guard status.size <= Int64(configuration.maxFileBytes) else {
            return .rejected(
                FileReader.Refusal.tooLarge(size: status.size, limit: Int64(configuration.maxFileBytes))
                    .description)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readAll(fd: opened.fd, path: path, limit: configuration.maxFileBytes)
        } catch {
            return .rejected("unreadable: \(error)")
        }
        if let after = try? FileStatus.ofDescriptor(opened.fd, path: path),
            after.size != status.size || after.modified != status.modified
        {
            return .changedWhileRead(after)
        }
        file.fingerprint = SHA256.hex(Array(bytes.prefix(StreamTracker.fingerprintBytes)))
        if checkpoint.completed.contains(where: { $0.isSame(as: file) }) { return .alreadyInLog(file) }
        metrics?.read(bytes: bytes.count)
        let documents: [Document]
        do {
            documents = try DocumentDecoder.decode(
                bytes, format: format, vocabulary: extractor.pageVocabulary)
        } catch {
            return .rejected("cannot decode as \(format.rawValue): \(error)")
        }
        var lines: [UInt8] = []
        var count = 0
        let deadline = documentDeadline()
        let modifiedSeconds =
            (status.modified >= 0 ? status.modified : status.modified - 999_999_999) / 1_000_000_000
        for var document in documents {
            document.path = name
            document.supplyPublished(given: nil, modified: modifiedSeconds, format: format)
            if !alreadyLogged.isEmpty,
                alreadyLogged.contains(LogIndex.key(path: name, sha256: SHA256.hex(document.text)))
            {
                continue
            }
            for note in document.reportedNotes {
                logger.notice("decoding note", metadata: ["file": "\(name)", "note": "\(note)"])
            }
            if let language = extractor.language(of: document), language != "en" {
                logger.notice(
                    "document not in English; events are only read from English text",
                    metadata: [
                        "file": "\(name)", "record": "\(document.record.map(String.init) ?? "-")",
                        "language": "\(language)",
                    ])
            }
            guard let events = extractWithin(deadline, document) else {
                return .rejected(overBudgetReason)
            }
            count += events.count
            encode(events, into: &lines)
        }
        logger.debug(
            "document read",
            metadata: ["file": "\(name)", "documents": "\(documents.count)", "events": "\(count)"])
        return .extracted(file, lines: lines, events: count, documents: documents.count)
    }
}

extension Ingestor {
    /// Whether another process holds the file open for writing. One pass over `/proc` answers for
    /// this file and the next names in the queue, so a burst costs one pass per few hundred files.
    func isOpenForWriting(_ identity: FileIdentity) -> Bool {
        if !writersChecked.contains(identity) {
            var candidates: Set<FileIdentity> = [identity]
            for name in pending[pendingHead...].prefix(255) {
                var st = stat()
                if lstat(inbox + "/" + name, &st) == 0 { candidates.insert(FileIdentity(FileStatus(st))) }
            }
            writersChecked.formUnion(candidates)
            writersFound.formUnion(OpenWriters.holding(candidates))
        }
        return writersFound.contains(identity)
    }

    /// When extraction of a document starting now must have ended.
    func documentDeadline() -> Int64 {
        clock.monotonicNanoseconds() + Int64(configuration.maxDocumentMilliseconds) * 1_000_000
    }

    /// The events of `document`, or nil when extracting them passed `deadline`.
    func extractWithin(_ deadline: Int64, _ document: Document) -> [Event]? {
        let clock = self.clock
        let started = clock.monotonicNanoseconds()
        guard
            let events = try? extractor.extract(
                document, continuing: { clock.monotonicNanoseconds() < deadline })
        else { return nil }
        metrics?.extracted(nanoseconds: clock.monotonicNanoseconds() - started)
        pendingTally.add(document: events)
        return events
    }

    var overBudgetReason: String {
        "extraction took longer than max_document_ms (\(configuration.maxDocumentMilliseconds) ms); "
            + "set aside so that the rest of the inbox is read"
    }
}
