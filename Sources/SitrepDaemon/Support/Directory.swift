import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Directory listing and moves between the inbox and the state directory.
public enum Directory {
    /// The names in `path`, without `.` and `..`; names that are not valid UTF-8 apart, as bytes.
    public static func entries(in path: String) throws(SystemError) -> (
        names: [String], undecodable: [[UInt8]]
    ) {
        guard let handle = opendir(path) else { throw SystemError("opendir", path: path) }
        defer { closedir(handle) }
        var names: [String] = []
        var undecodable: [[UInt8]] = []
        while let entry = readdir(handle) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            let name = String(decoding: raw, as: UTF8.self)
            if !name.utf8.elementsEqual(raw) {
                undecodable.append(raw)
            } else if name != "." && name != ".." {
                names.append(name)
            }
        }
        return (names, undecodable)
    }

    /// Moves an entry whose name is not valid UTF-8 to `destination` under a printable name
    /// (invalid bytes shown as `?`). Returns the name it got.
    @discardableResult
    public static func move(undecodable raw: [UInt8], from source: String, to destination: String)
        throws(SystemError) -> String
    {
        let printable = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "?")
        let from = Array(source.utf8) + [UInt8(ascii: "/")] + raw + [0]
        for attempt in 0..<10_000 {
            let candidate = attempt == 0 ? printable : "\(printable).\(attempt)"
            let to = Array((destination + "/" + candidate).utf8) + [0]
            let moved = from.withUnsafeBufferPointer { fromPointer in
                to.withUnsafeBufferPointer { toPointer in
                    fromPointer.withMemoryRebound(to: CChar.self) { fromC in
                        toPointer.withMemoryRebound(to: CChar.self) { toC in
                            sitrep_rename_noreplace(fromC.baseAddress, toC.baseAddress)
                        }
                    }
                }
            }
            if moved == 0 { return candidate }
            if errno != EEXIST { throw SystemError("rename", path: source + "/" + printable) }
        }
        throw SystemError("rename", path: source + "/" + printable, errno: EEXIST)
    }

    /// Creates `path` (mode 0750 unless given) when it does not exist; its parent must exist.
    public static func ensure(_ path: String, mode: mode_t = 0o750) throws(SystemError) {
        if mkdir(path, mode) == 0 || errno == EEXIST {
            var st = stat()
            guard stat(path, &st) == 0 else { throw SystemError("stat", path: path) }
            guard st.st_mode & S_IFMT == S_IFDIR else {
                throw SystemError("mkdir", path: path, errno: ENOTDIR)
            }
            return
        }
        throw SystemError("mkdir", path: path)
    }

    /// Moves the entry `name` of `source` into `destination` under a name not taken there yet
    /// (`name`, `name.1`, `name.2`, …), never replacing anything. Returns the name it got.
    @discardableResult
    public static func move(_ name: String, from source: String, to destination: String) throws(SystemError)
        -> String
    {
        let from = source + "/" + name
        for attempt in 0..<10_000 {
            let candidate = attempt == 0 ? name : "\(name).\(attempt)"
            let to = destination + "/" + candidate
            if sitrep_rename_noreplace(from, to) == 0 { return candidate }
            switch errno {
            case EEXIST: continue
            case EINVAL, ENOSYS:
                // File systems without RENAME_NOREPLACE: check, then rename.
                var st = stat()
                if lstat(to, &st) == 0 { continue }
                guard rename(from, to) == 0 else { throw SystemError("rename", path: from) }
                return candidate
            case EXDEV:
                // Inbox and state directory on different file systems: copy, then remove.
                return try copyAcrossFileSystems(name, from: source, to: destination)
            default:
                throw SystemError("rename", path: from)
            }
        }
        throw SystemError("rename", path: from, errno: EEXIST)
    }

    /// The name a copy across file systems is written under until it is whole; hidden, so never
    /// taken for a processed document, and removed by `removePartialCopy` after a crash.
    public static let partialCopyName = ".partial-copy"

    /// Removes what a copy cut short by a crash left in `directory`.
    public static func removePartialCopy(in directory: String) {
        unlink(directory + "/" + partialCopyName)
    }

    /// Copies under `partialCopyName`, then renames to a free name and removes the original. A
    /// failed copy (a full disk) leaves nothing behind in `destination`.
    private static func copyAcrossFileSystems(_ name: String, from source: String, to destination: String)
        throws(SystemError) -> String
    {
        let from = source + "/" + name
        let partial = destination + "/" + partialCopyName
        let input = open(from, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { throw SystemError("open", path: from) }
        defer { close(input) }
        let target = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard target >= 0 else { throw SystemError("open", path: partial) }
        do throws(SystemError) {
            var offset: Int64 = 0
            while true {
                let chunk = try FileReader.read(fd: input, path: from, at: offset, count: 1 << 20)
                if chunk.isEmpty { break }
                try FileWriter.writeAll(fd: target, bytes: chunk, path: partial)
                offset += Int64(chunk.count)
            }
            guard fsync(target) == 0 else { throw SystemError("fsync", path: partial) }
            close(target)
        } catch {
            close(target)
            unlink(partial)
            throw error
        }
        for attempt in 0..<10_000 {
            let candidate = attempt == 0 ? name : "\(name).\(attempt)"
            let to = destination + "/" + candidate
            var failure: Int32 = 0
            if sitrep_rename_noreplace(partial, to) != 0 {
                failure = errno
                if failure == EEXIST { continue }
                if failure == EINVAL || failure == ENOSYS {
                    // File systems without RENAME_NOREPLACE: check, then rename.
                    var st = stat()
                    if lstat(to, &st) == 0 { continue }
                    failure = rename(partial, to) == 0 ? 0 : errno
                }
            }
            guard failure == 0 else {
                unlink(partial)
                throw SystemError("rename", path: partial, errno: failure)
            }
            guard unlink(from) == 0 else { throw SystemError("unlink", path: from) }
            return candidate
        }
        unlink(partial)
        throw SystemError("rename", path: from, errno: EEXIST)
    }
}
