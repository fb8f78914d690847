#if canImport(Glibc)
    import Glibc
#endif

/// Checks, before anything is opened, that the directories the daemon needs exist (creating a
/// missing inbox or state directory whose parent exists) and can be written.
public enum StartupCheck {
    public static func prepare(_ configuration: DaemonConfiguration) throws(StartupError) {
        try directory(configuration.inbox, role: "inbox", create: true)
        try directory(configuration.state, role: "state directory", create: true)
        try directory(parent(of: configuration.log), role: "log directory", create: false)
        if let inbox = realPath(configuration.inbox),
            let logDirectory = realPath(parent(of: configuration.log)),
            inbox == logDirectory
        {
            throw StartupError(
                errno: EINVAL,
                message: "log \(configuration.log) must not be inside the inbox \(configuration.inbox)")
        }
        // State inside the inbox would be scanned as input: processed/ and failed/ moved to failed/,
        // the checkpoint read as a document.
        if let inbox = realPath(configuration.inbox), let state = realPath(configuration.state),
            state == inbox || state.hasPrefix(inbox.hasSuffix("/") ? inbox : inbox + "/")
        {
            throw StartupError(
                errno: EINVAL,
                message:
                    "state directory \(configuration.state) must not be inside the inbox \(configuration.inbox)"
            )
        }
        var st = stat()
        if lstat(configuration.log, &st) == 0 {
            if st.st_mode & S_IFMT != S_IFREG {
                throw StartupError(errno: EINVAL, message: "log \(configuration.log) is not a regular file")
            }
            if access(configuration.log, W_OK) != 0 {
                throw StartupError(errno: errno, message: "log \(configuration.log) is not writable")
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func directory(_ path: String, role: String, create: Bool) throws(StartupError) {
        var st = stat()
        if stat(path, &st) != 0 {
            let parentPath = parent(of: path)
            guard create, stat(parentPath, &st) == 0 else {
                throw StartupError(
                    errno: ENOENT,
                    message: create
                        ? "\(role) \(path) does not exist and its parent \(parentPath) is missing"
                        : "\(role) \(path) does not exist")
            }
            guard mkdir(path, 0o2775) == 0 else {
                throw StartupError(
                    errno: errno,
                    message: "cannot create \(role) \(path): \(String(cString: strerror(errno)))")
            }
            guard stat(path, &st) == 0 else {
                throw StartupError(errno: errno, message: "\(role) \(path) is not accessible")
            }
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw StartupError(errno: ENOTDIR, message: "\(role) \(path) is not a directory")
        }
        guard access(path, R_OK | W_OK | X_OK) == 0 else {
            throw StartupError(
                errno: errno, message: "\(role) \(path) is not readable and writable by this user")
        }
    }
}
