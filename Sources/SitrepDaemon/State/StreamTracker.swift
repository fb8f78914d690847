/// How far each `.jsonl` stream of the inbox has been read, following every file by what it is
/// (device, inode and fingerprints of its bytes), whatever name it has now.
///
/// Pure: the ingestor tells it what it saw (inotify events, a listing, the file about to be read)
/// and does what the answers say. A position moves with its file on a rename (`wire.jsonl` to
/// `wire.jsonl.1`, `wire-20260101.jsonl` or `wire.ndjson`), is dropped when its file is gone
/// from the inbox, and is not trusted on a file whose bytes do not match it (an inode reused by a
/// new file).
public struct StreamTracker: Sendable, Equatable {
    public typealias Position = Checkpoint.StreamPosition

    /// Bytes hashed at the start of a file and just before its read position.
    public static let fingerprintBytes = 1024

    /// How a name is treated when nothing is known of its file.
    public enum Kind: Sendable, Equatable {
        /// Read from its start when it is a new file.
        case stream
        /// A rotated name: only finished when its file was being read, never read from its start.
        case rotated
    }

    /// What the file under a name looks like when it is about to be read.
    public struct Observation {
        public var identity: FileIdentity
        public var size: Int64
        /// SHA-256 (hex) of `count` bytes at `offset`; nil when they cannot be read.
        public var digest: (_ offset: Int64, _ count: Int) -> String?

        public init(
            identity: FileIdentity, size: Int64, digest: @escaping (_ offset: Int64, _ count: Int) -> String?
        ) {
            self.identity = identity
            self.size = size
            self.digest = digest
        }
    }

    /// Where to read a file from.
    public enum Start: Sendable, Equatable {
        /// The file is the one the position was taken on: go on from it.
        case resume(Position)
        /// A file not read before (or not the one a position was taken on, whose offset is given
        /// for the journal): from its first byte.
        case fromStart(Position, replacing: Int64?)
        /// A rotated name whose file was never read here: left alone.
        case leave
    }

    public struct Resolution: Sendable, Equatable {
        public var start: Start
        /// A file that had this name was renamed away before the rename was seen: its position
        /// waits for the name it has now (found by a listing, see `reconcile`).
        public var departed: FileIdentity?
    }

    /// The position of the file now under each name.
    public private(set) var positions: [String: Position]
    /// Positions of files renamed away whose new name has not been seen yet.
    public private(set) var departed: [FileIdentity: Position]

    public init(positions: [String: Position] = [:], departed: [Position] = []) {
        self.positions = positions
        self.departed = Dictionary(departed.map { ($0.identity, $0) }, uniquingKeysWith: { $1 })
    }

    /// The departed positions in a stable order, for the checkpoint.
    public var departedList: [Position] {
        departed.values.sorted {
            ($0.identity.device, $0.identity.inode) < ($1.identity.device, $1.identity.inode)
        }
    }

    /// A file not read yet.
    public static func fresh(_ identity: FileIdentity) -> Position {
        Position(identity: identity, fingerprint: "", fingerprintLength: 0, offset: 0, records: 0)
    }

    /// The file under `name` is about to be read: where from. The position returned is recorded
    /// for `name`; `advance` records how far the read got.
    public mutating func start(_ name: String, kind: Kind, observed: Observation) -> Resolution {
        var departedIdentity: FileIdentity?
        var known = positions[name]
        if let old = known, old.identity != observed.identity {
            positions[name] = nil
            if old.offset > 0 {
                departed[old.identity] = old
                departedIdentity = old.identity
            }
            known = nil
        }
        if known == nil, let moved = departed.removeValue(forKey: observed.identity) { known = moved }
        guard let position = known else {
            guard kind == .stream else { return Resolution(start: .leave, departed: departedIdentity) }
            let fresh = Self.fresh(observed.identity)
            positions[name] = fresh
            return Resolution(start: .fromStart(fresh, replacing: nil), departed: departedIdentity)
        }
        guard Self.matches(position, observed) else {
            guard kind == .stream else {
                positions[name] = nil
                return Resolution(start: .leave, departed: departedIdentity)
            }
            let fresh = Self.fresh(observed.identity)
            positions[name] = fresh
            return Resolution(
                start: .fromStart(fresh, replacing: position.offset), departed: departedIdentity)
        }
        positions[name] = position
        return Resolution(start: .resume(position), departed: departedIdentity)
    }

    /// Whether `observed` is the file `position` was taken on: not shorter, the same first bytes
    /// and the same bytes just before the offset (a new file on a reused inode that happens to
    /// begin like the old one still differs where reading would resume).
    static func matches(_ position: Position, _ observed: Observation) -> Bool {
        guard observed.identity == position.identity, observed.size >= position.offset else { return false }
        if position.fingerprintLength > 0,
            observed.digest(0, position.fingerprintLength) != position.fingerprint
        {
            return false
        }
        if let tail = position.tailFingerprint {
            let count = Int(min(Int64(fingerprintBytes), position.offset))
            if observed.digest(position.offset - Int64(count), count) != tail { return false }
        }
        return true
    }

    /// Records how far the file under `name` has been read.
    public mutating func advance(_ name: String, to position: Position) {
        positions[name] = position
    }

    /// `name` was renamed away (`IN_MOVED_FROM`); `now` is the identity of what has that name now,
    /// if anything (a new file may already have taken it and been read).
    public mutating func renamedAway(_ name: String, now: FileIdentity?) {
        guard let position = positions[name], position.identity != now else { return }
        positions[name] = nil
        departed[position.identity] = position
    }

    /// `name` was deleted (`IN_DELETE`): its file is gone, and its position with it.
    public mutating func deleted(_ name: String, now: FileIdentity?) {
        guard let position = positions[name], position.identity != now else { return }
        positions[name] = nil
    }

    /// A file arrived under `name` by a rename (`IN_MOVED_TO`). Returns whether it is to be read.
    public mutating func arrived(_ name: String, kind: Kind, identity: FileIdentity) -> Bool {
        if let moved = departed.removeValue(forKey: identity) {
            positions[name] = moved
            return true
        }
        if let position = positions[name] {
            if position.identity == identity { return true }
            // Renamed over an earlier file, which is gone.
            positions[name] = nil
        }
        return kind == .stream
    }

    /// What a listing of the inbox found: the identity under each stream or rotated name.
    /// Positions follow their files to the names they have now; positions of files no longer in
    /// the inbox are dropped. Returns the names that got a position (to be read).
    public mutating func reconcile(present: [String: FileIdentity]) -> [String] {
        for (name, position) in positions where present[name] != position.identity {
            positions[name] = nil
            departed[position.identity] = position
        }
        var adopted: [String] = []
        let taken = Set(positions.values.map(\.identity))
        for name in present.keys.sorted() where positions[name] == nil {
            guard let identity = present[name], !taken.contains(identity),
                let position = departed.removeValue(forKey: identity)
            else { continue }
            positions[name] = position
            adopted.append(name)
        }
        departed = [:]
        return adopted
    }
}
