import Foundation
import Testing

@testable import SitrepDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// Moves between the inbox and the state directory when they are on different file systems.
struct DirectoryMoveTests {
    /// A small tmpfs mounted for the test (root only), detached at the end.
    final class SmallDisk {
        let path: String
        let mounted: Bool

        init(_ directory: TemporaryDirectory, kilobytes: Int) {
            path = directory.file("disk")
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            mounted = mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k") == 0
        }

        deinit { if mounted { umount2(path, Int32(MNT_DETACH)) } }

        /// Writes until the file system is full.
        func fill() {
            let fd = open(path + "/filler", O_WRONLY | O_CREAT, 0o644)
            let block = [UInt8](repeating: 0x41, count: 4096)
            while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
            close(fd)
        }
    }

    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func aCopyThatFailsOnAFullDiskLeavesNothingBehind() throws {
        let directory = TemporaryDirectory()
        let disk = SmallDisk(directory, kilobytes: 64)
        try #require(disk.mounted)
        let inbox = directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let processed = disk.path + "/processed"
        try FileManager.default.createDirectory(atPath: processed, withIntermediateDirectories: true)
        FileManager.default.createFile(
            atPath: inbox + "/a.txt", contents: Data(repeating: 0x61, count: 256 << 10))
        disk.fill()
        #expect(throws: SystemError.self) { try Directory.move("a.txt", from: inbox, to: processed) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: processed).isEmpty)
        #expect(FileManager.default.fileExists(atPath: inbox + "/a.txt"), "the original must stay")
        // Once there is room, the move goes through under the document's own name.
        unlink(disk.path + "/filler")
        FileManager.default.createFile(atPath: inbox + "/small.txt", contents: Data("x".utf8))
        FileManager.default.createFile(atPath: processed + "/small.txt", contents: Data("y".utf8))
        #expect(try Directory.move("small.txt", from: inbox, to: processed) == "small.txt.1")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: processed).sorted() == [
                "small.txt", "small.txt.1",
            ])
        #expect(!FileManager.default.fileExists(atPath: inbox + "/small.txt"))
    }
}
