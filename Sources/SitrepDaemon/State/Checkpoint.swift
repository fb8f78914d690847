/// What the daemon has durably done: how much of the event log is committed, which inbox files have
/// their events in the log, and how far each stream has been read.
///
/// Written after every batch, so a crash leaves either the previous or the next checkpoint, and the
/// log is cut back to `log.length` at start: events past it belong to a batch that will be redone.
public struct Checkpoint: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public struct LogMark: Codable, Sendable, Equatable {
        public var path: String
        public var identity: FileIdentity
        public var length: Int64
    }

    /// An inbox file whose events are in the log but which has not been moved away yet
    /// (or, with `--on-complete keep`, which stays in the inbox and must not be read again).
    public struct CompletedFile: Codable, Sendable, Equatable, Hashable {
        public var name: String
        public var identity: FileIdentity
        public var size: Int64
        public var modified: Int64
    }

    /// How far a `.jsonl` stream has been read: up to the end of its last complete line.
    public struct StreamPosition: Codable, Sendable, Equatable {
        public var identity: FileIdentity
        /// SHA-256 (hex) of the first `fingerprintLength` bytes, to tell a reused inode from the same file.
        public var fingerprint: String
        public var fingerprintLength: Int
        public var offset: Int64
        public var records: Int
    }

    public var version: Int = Checkpoint.currentVersion
    public var log: LogMark?
    public var completed: [CompletedFile] = []
    public var streams: [String: StreamPosition] = [:]

    public init() {}
}
