import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Directory listing and moves between the inbox and the state directory.
public enum Directory {
    /// The names in `path`, without `.` and `..`.
    public static func names(in path: String) throws(SystemError) -> [String] {
        guard let handle = opendir(path) else { throw SystemError("opendir", path: path) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.prefix { $0 != 0 }
                return String(decoding: bytes, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates `path` (mode 0750 unless given) when it does not exist; its parent must exist.
    public static func ensure(_ path: String, mode: mode_t = 0o750) throws(SystemError) {
        if mkdir(path, mode) == 0 || errno == EEXIST {
            var st = stat()
            guard stat(path, &st) == 0 else { throw SystemError("stat", path: path) }
            guard st.st_mode & S_IFMT == S_IFDIR else { throw SystemError("mkdir", path: path, errno: ENOTDIR) }
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
            default:
                throw SystemError("rename", path: from)
            }
        }
        throw SystemError("rename", path: from, errno: EEXIST)
    }
}
