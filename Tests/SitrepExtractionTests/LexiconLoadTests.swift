import Foundation
import SitrepFormats
import Testing

@testable import SitrepExtraction

/// Names that data files share with the rules are checked when the data is loaded, and the lexicons
/// taken from the event coders' dictionaries are in use.
struct LexiconLoadTests {
    /// A user data directory holding one file, removed afterwards.
    private func load(_ name: String, _ text: String) throws -> Extractor {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return try Extractor.load(dataDirectory: directory)
    }

    @Test(arguments: [
        ("cues.tsv", "panzerfaust\tshellling\n", "shellling"),
        ("discards.tsv", "curling match\tdiscrad\n", "discrad"),
        ("combinations.tsv", "disrupt\tweapn\tdefuse\n", "weapn"),
        ("agents.tsv", "ferryman\tCIV\tCivilians\n", "CIV"),
        ("organizations.tsv", "Blue Brigade\tBlue Brigade\t\tRBL\n", "RBL"),
        ("frames.tsv", "f\tviolent\tcue:crme\t\tdrop\twhy\n", "crme"),
        ("frames.tsv", "f\tatack\tcue:crime\t\tdrop\twhy\n", "atack"),
        ("frames.tsv", "f\tviolent\tcue:crime\tarmd\tdrop\twhy\n", "armd"),
        ("frames.tsv", "f\tviolent\tcue:crime\t\tdorp\twhy\n", "dorp"),
    ])
    func aMisspeltNameInADataFileIsALoadError(file: String, row: String, misspelt: String) {
        do {
            _ = try load(file, row)
            Issue.record("loading \(file) with \(misspelt) succeeded")
        } catch let error as DataError {
            #expect(error.code == .badValue)
            #expect(error.message.contains(misspelt), "\(error)")
            #expect(error.context.hasPrefix(file), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aKnownCueInAUserFileLoads() throws {
        let extractor = try load("cues.tsv", "panzerfaust\tshelling\n")
        #expect(extractor.events.cues.value(for: Shared.tokens("panzerfaust")[0]) == ["shelling"])
    }

    @Test(arguments: [
        ("Gunmen murder 16 farmers in Yarumal.", 16),
        ("Insurgents massacre at least 50 villagers near Ampara.", 50),
        ("Rebels slaughtered 12 herders near Gao.", 12),
    ])
    func casualtyVerbsFromTheCodersCount(text: String, killed: Int) {
        let events = Shared.events(text)
        #expect(events.contains { $0.killed == killed }, "\(events.map { $0.killed as Any })")
    }

    @Test func agentNounsFromTheCodersAreActors() {
        let events = Shared.events("Gunmen shot a shopkeeper in Kano on Monday.")
        #expect(events.first?.target?.first?.text == "shopkeeper", "\(events.map { $0.target as Any })")
    }

    @Test func aFrameInAUserFileDecides() throws {
        let text = "Rebels attacked an army convoy near Goma."
        #expect(!Shared.events(text).isEmpty)
        // Added after the built-in frames: it fires when none of them has.
        let extractor = try load("frames.tsv", "convoys\tviolent\tcue:state\tharm\tdrop\tconvoys only\n")
        #expect(extractor.extract(.init(text: text)).isEmpty)
    }

    @Test func aCrimeStoryFrameDropsViolenceWithoutAnArmedGroup() {
        #expect(Shared.events("A robber stabbed a shopkeeper during a burglary in Leeds.").allSatisfy {
            $0.type.rawValue != "ASSAULT"
        })
    }

    @Test func aSportsStoryWithoutHarmIsNoEvent() {
        #expect(Shared.events("The visitors attacked relentlessly in the cricket test at Lahore.").isEmpty)
    }
}
