import CSystemd
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log backend that writes structured entries to the systemd journal with `sd_journal_sendv`:
/// the message as MESSAGE, the level as PRIORITY, and every metadata key as its own field
/// (`SITREP_` + the key in upper case), so `journalctl -o json` shows them separately.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public let label: String

    public init(label: String) {
        self.label = label
    }

    /// Whether stderr is the journal stream systemd connected (JOURNAL_STREAM is `device:inode`
    /// of that stream; a child whose stderr was redirected inherits the variable, so compare).
    public static var isConnectedToJournal: Bool {
        guard let value = getenv("JOURNAL_STREAM") else { return false }
        let parts = String(cString: value).split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]),
            let status = try? FileStatus.ofDescriptor(2, path: "stderr")
        else { return false }
        return status.device == device && status.inode == inode
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(
            level: event.level, message: event.message, metadata: event.metadata, file: event.file,
            function: event.function, line: event.line)
    }

    func write(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, file: String,
        function: String, line: UInt
    ) {
        var fields = [
            "MESSAGE=\(message)", "PRIORITY=\(Self.priority(level))", "SYSLOG_IDENTIFIER=sitrep",
            "CODE_FILE=\(file)", "CODE_LINE=\(line)", "CODE_FUNC=\(function)",
        ]
        let all = metadata.merging(explicit ?? [:]) { _, new in new }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            fields.append("SITREP_\(Self.fieldName(key))=\(value)")
        }
        Self.send(fields)
    }

    static func send(_ fields: [String]) {
        let buffers = fields.map { field -> UnsafeMutableRawBufferPointer in
            let bytes = Array(field.utf8)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
            buffer.copyBytes(from: bytes)
            return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count])
        }
        defer { for buffer in buffers { buffer.deallocate() } }
        let vectors = buffers.map { iovec(iov_base: $0.baseAddress, iov_len: $0.count) }
        _ = vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }

    /// Journal field names allow A–Z, 0–9 and `_`.
    static func fieldName(_ key: String) -> String {
        String(
            key.uppercased().unicodeScalars.map { scalar -> Character in
                (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") ? Character(scalar) : "_"
            })
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }
}
