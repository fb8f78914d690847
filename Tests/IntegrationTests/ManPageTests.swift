import Foundation
import Testing

/// The committed man pages and completions are made by scripts/make-man-pages from the command
/// definitions; these tests fail when a definition changed and the script was not run again.
@Suite struct ManPageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func committed(_ path: String) throws -> String {
        try String(contentsOf: Self.repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theManPagesWereMadeFromTheCurrentCommandDefinitions() throws {
        let now = try SitrepRun(["--experimental-dump-help"])
        #expect(now.status == 0)
        #expect(
            now.standardOutput == (try committed("docs/man/dump-help.json")),
            "docs/man is out of date: run scripts/make-man-pages")
    }

    @Test(arguments: [("bash", "deploy/completions/sitrep.bash"), ("zsh", "deploy/completions/_sitrep")])
    func theCompletionsAreCurrent(shell: String, path: String) throws {
        let now = try SitrepRun(["--generate-completion-script", shell])
        #expect(now.status == 0)
        #expect(now.standardOutput == (try committed(path)), "\(path) is out of date: run scripts/make-man-pages")
    }

    @Test func thereIsAPageForEverySubcommand() throws {
        let pages = try FileManager.default.contentsOfDirectory(
            atPath: Self.repository.appendingPathComponent("docs/man").path)
        for command in ["run", "extract", "status", "export", "map"] {
            #expect(pages.contains("sitrep.\(command).1"))
            let page = try committed("docs/man/sitrep.\(command).1")
            #expect(page.contains(".Nm \"sitrep \(command)\""))
        }
        #expect(pages.contains("sitrep.1"))
    }
}
