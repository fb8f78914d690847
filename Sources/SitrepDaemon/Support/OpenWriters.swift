#if canImport(Glibc)
    import Glibc
#endif

/// Which files other processes hold open for writing, from `/proc/<pid>/fd`.
///
/// Only the processes whose `/proc` entries this process may see are looked at (all of them as
/// root or as their user; under `ProtectProc=invisible` or `hidepid=` only its own user's), so an
/// empty answer proves nothing: it is a safety net under the rule that a document is complete when
/// it is closed or renamed in after being closed.
public enum OpenWriters {
    /// The identities among `candidates` (files on `device`) that another process has open with
    /// write access. One pass over `/proc`: an `lstat` of each descriptor link (whose mode says
    /// whether it was opened for writing) and a `stat` of the writable ones on `device`.
    public static func holding(_ candidates: Set<FileIdentity>) -> Set<FileIdentity> {
        guard !candidates.isEmpty, let processes = opendir("/proc") else { return [] }
        defer { closedir(processes) }
        let me = getpid()
        let devices = Set(candidates.map(\.device))
        var found: Set<FileIdentity> = []
        while let entry = readdir(processes) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = Int32(name), pid != me else { continue }
            let directory = "/proc/\(pid)/fd"
            guard let descriptors = opendir(directory) else { continue }
            while let descriptor = readdir(descriptors) {
                let fd = withUnsafeBytes(of: descriptor.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard fd.first?.isNumber == true else { continue }
                let link = directory + "/" + fd
                var linkStatus = stat()
                // The link's owner-write bit is set when the descriptor was opened for writing.
                guard lstat(link, &linkStatus) == 0, linkStatus.st_mode & S_IWUSR != 0 else { continue }
                var target = stat()
                guard stat(link, &target) == 0, target.st_mode & S_IFMT == S_IFREG,
                    devices.contains(UInt64(target.st_dev))
                else { continue }
                let identity = FileIdentity(device: UInt64(target.st_dev), inode: UInt64(target.st_ino))
                if candidates.contains(identity) { found.insert(identity) }
            }
            closedir(descriptors)
            if found.count == candidates.count { break }
        }
        return found
    }
}
