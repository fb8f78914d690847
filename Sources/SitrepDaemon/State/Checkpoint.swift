/// What the daemon has durably done: how much of the event log is committed, which inbox files have
/// their events in the log, and how far each stream has been read.
///
/// Written after every batch, so a crash leaves either the previous or the next checkpoint. Whole
/// log lines past `log.length` at start belong to a batch that is read again without doubling them.
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
        /// SHA-256 (hex) of its first bytes (up to `StreamTracker.fingerprintBytes`): a new file of
        /// the same size and modification time on a reused inode is not taken for this one.
        /// Absent in checkpoints written before it was kept.
        public var fingerprint: String? = nil

        /// Whether `other` is this file: same name, identity, size and modification time, and the
        /// same first bytes when both fingerprints are known.
        public func isSame(as other: CompletedFile) -> Bool {
            name == other.name && identity == other.identity && size == other.size
                && modified == other.modified
                && (fingerprint == nil || other.fingerprint == nil || fingerprint == other.fingerprint)
        }
    }

    /// How far a `.jsonl` stream has been read: up to the end of its last complete line.
    public struct StreamPosition: Codable, Sendable, Equatable {
        public var identity: FileIdentity
        /// SHA-256 (hex) of the first `fingerprintLength` bytes, to tell a reused inode from the same file.
        public var fingerprint: String
        public var fingerprintLength: Int
        public var offset: Int64
        public var records: Int
        /// SHA-256 (hex) of the bytes just before `offset` (up to `StreamTracker.fingerprintBytes`):
        /// a new file that begins like the old one still differs where reading would resume.
        public var tailFingerprint: String? = nil
    }

    public var version: Int = Checkpoint.currentVersion
    public var log: LogMark?
    public var completed: [CompletedFile] = []
    public var streams: [String: StreamPosition] = [:]
    /// Positions of streams renamed away whose new name was not seen yet (see `StreamTracker`).
    public var departedStreams: [StreamPosition]? = nil

    public init() {}
}
