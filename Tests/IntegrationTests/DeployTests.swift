import Foundation
import Testing

/// The shipped unit and configuration file agree: the paths are settings of the file an
/// administrator edits, not environment variables of the unit that would silently win over it.
struct DeployTests {
    private let repository = ManPageTests.repository

    @Test func theUnitSetsNoPathsAndTheShippedFileHoldsThem() throws {
        let unit = try String(
            contentsOf: repository.appendingPathComponent("deploy/sitrep.service"), encoding: .utf8)
        let overriding = unit.split(separator: "\n").filter { $0.hasPrefix("Environment=SITREP_") }
        #expect(overriding.isEmpty, "\(overriding)")

        let config = repository.appendingPathComponent("deploy/sitrep.conf").path
        let outcome = try CommandLineTests().run(["status", "--json", "--config", config])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let paths = try #require(report["paths"] as? [String: Any])
        #expect(paths["inbox"] as? String == "/var/spool/sitrep/inbox")
        #expect(paths["log"] as? String == "/var/log/sitrep/events.jsonl")
        #expect(paths["state"] as? String == "/var/lib/sitrep")
        // What the unit may write is where the file says the daemon writes.
        #expect(unit.contains("ReadWritePaths=/var/spool/sitrep") && unit.contains("StateDirectory=sitrep"))
        #expect(unit.contains("LogsDirectory=sitrep"))
    }
}
