import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads and writes the checkpoint atomically: temporary file, fsync, rename, fsync of the directory.
public struct CheckpointStore: Sendable {
    public enum LoadResult: Sendable, Equatable {
        case fresh
        case loaded(Checkpoint)
        /// The file was unreadable (empty, truncated, NUL-filled); it was moved aside to `preservedAt`.
        case recovered(reason: String, preservedAt: String)
    }

    public let directory: String
    public var path: String { directory + "/checkpoint.json" }

    public init(directory: String) {
        self.directory = directory
    }

    /// `wallSeconds` names the copy a damaged checkpoint is set aside as.
    public func load(wallSeconds: Int64 = 0) throws(SystemError) -> LoadResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return .fresh }
            throw SystemError("open", path: path)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readAll(fd: fd, path: path, limit: 256 << 20)
            close(fd)
        } catch {
            close(fd)
            throw error
        }
        do {
            let checkpoint = try JSONDecoder().decode(Checkpoint.self, from: Data(bytes))
            guard checkpoint.version == Checkpoint.currentVersion else {
                return try preserve(reason: "unknown checkpoint version \(checkpoint.version)", wallSeconds)
            }
            return .loaded(checkpoint)
        } catch {
            let reason = bytes.isEmpty ? "empty checkpoint" : "unreadable checkpoint (\(bytes.count) bytes)"
            return try preserve(reason: reason, wallSeconds)
        }
    }

    /// Sets the damaged file aside under a name of its own (`checkpoint.json.corrupt-<UTC time>`,
    /// with `-2`, `-3`, … if taken): each one is kept for a look, none overwrites an earlier one.
    private func preserve(reason: String, _ wallSeconds: Int64) throws(SystemError) -> LoadResult {
        let base = path + ".corrupt-" + StateLock.iso(seconds: wallSeconds).filter { $0 != ":" && $0 != "-" }
        var aside = base
        var number = 1
        var st = stat()
        while lstat(aside, &st) == 0 {
            number += 1
            aside = base + "-\(number)"
        }
        guard rename(path, aside) == 0 else { throw SystemError("rename", path: path) }
        return .recovered(reason: reason, preservedAt: aside)
    }

    public func save(_ checkpoint: Checkpoint) throws(SystemError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(checkpoint)
        } catch {
            throw SystemError("encode", path: path, errno: EINVAL)
        }
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SystemError("open", path: temporary) }
        do throws(SystemError) {
            try FileWriter.writeAll(fd: fd, bytes: [UInt8](data), path: temporary)
            guard fsync(fd) == 0 else { throw SystemError("fsync", path: temporary) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = SystemError("rename", path: temporary)
            unlink(temporary)
            throw error
        }
        try FileWriter.syncDirectory(directory)
    }
}
