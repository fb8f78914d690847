import Foundation

/// What the event log itself says has been done: used when the checkpoint is missing or unreadable,
/// so that documents already logged are not logged again.
public struct LogIndex: Sendable {
    /// `path` + TAB + `sha256` of every document with events in the log.
    public var documents: Set<String> = []
    /// For each stream, the last record logged and its byte offset.
    public var streams: [String: (record: Int, offset: Int64)] = [:]

    public init() {}

    public static func key(path: String, sha256: String) -> String { path + "\t" + sha256 }

    public var isEmpty: Bool { documents.isEmpty && streams.isEmpty }

    /// Reads the last `window` bytes of the log (whole lines only).
    public static func read(log path: String, window: Int64 = 64 << 20) throws(SystemError) -> LogIndex {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ENOENT { return LogIndex() }
            throw SystemError("open", path: path)
        }
        defer { close(fd) }
        let size = try FileStatus.ofDescriptor(fd, path: path).size
        let start = max(0, size - window)
        var index = LogIndex()
        var offset = start
        var carry: [UInt8] = []
        var skipFirst = start > 0
        while offset < size {
            let chunk = try FileReader.read(
                fd: fd, path: path, at: offset, count: Int(min(8 << 20, size - offset)))
            if chunk.isEmpty { break }
            offset += Int64(chunk.count)
            carry += chunk
            let (lines, consumed) = LineSplitter.completeLines(in: carry, base: 0)
            for line in lines {
                if skipFirst {
                    skipFirst = false
                    continue
                }
                index.add(line: carry[line.range])
            }
            carry.removeFirst(consumed)
        }
        return index
    }

    mutating func add(line: ArraySlice<UInt8>) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let doc = object["doc"] as? [String: Any], let path = doc["path"] as? String
        else { return }
        if let record = doc["record"] as? Int, let offset = (doc["offset"] as? NSNumber)?.int64Value,
            InboxEntry(name: path) == .stream
        {
            if (streams[path]?.record ?? -1) < record { streams[path] = (record, offset) }
        } else if let sha = doc["sha256"] as? String {
            documents.insert(Self.key(path: path, sha256: sha))
        }
    }
}
