import Foundation

// Compiled into SitrepExtraction only for the fuzzers, which are built with swiftc outside SwiftPM:
// SwiftPM generates `Bundle.module` for a target with resources; this stands in for it and points
// at the resource directory in the source tree (or at $SITREP_RESOURCES_PARENT, the directory that
// holds `Resources/`), so the fuzzers load exactly the built-in data the daemon ships.
extension Foundation.Bundle {
    static let module: Bundle = {
        let parent =
            ProcessInfo.processInfo.environment["SITREP_RESOURCES_PARENT"]
            ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // Fuzz
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Sources/SitrepExtraction").path
        guard let bundle = Bundle(path: parent) else {
            fatalError("no resource directory at \(parent)")
        }
        return bundle
    }()
}
