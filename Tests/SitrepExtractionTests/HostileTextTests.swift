import Foundation
import SitrepFormats
import Testing

@testable import SitrepExtraction

/// Inputs that once crashed or stalled the extractor under scripts/fuzz, as short patterns.
/// Each must come back promptly, with events whose JSON lines still follow the contract.
struct HostileTextTests {
    static let longDigitRun = String(repeating: "5", count: 40)

    /// Extracts under a time limit generous enough for a debug build on a busy machine.
    func events(_ text: String) -> [Event] {
        _ = Shared.extractor  // loading the data is not part of the time limit
        let clock = ContinuousClock()
        var events: [Event] = []
        let elapsed = clock.measure { events = Shared.events(text) }
        #expect(elapsed < .seconds(2), "extraction took \(elapsed)")
        return events
    }

    @Test(
        arguments: [
            (longDigitRun, nil),
            (String(repeating: "9", count: 19), nil),
            ("123", nil),
            ("12", 12),
            ("07", 7),
            ("3rd", 3),
        ] as [(String, Int?)])
    func aDayOfMonthHasAtMostTwoDigits(key: String, day: Int?) {
        let token = Shared.tokens(key).first
        #expect(token.flatMap(DateReader.dayOfMonth) == day)
    }

    @Test func aLongDigitRunBeforeAMonthIsNoDate() throws {
        let found = events("Rebels shelled the town on \(Self.longDigitRun) March, killing two people.")
        let event = try #require(found.first)
        #expect(event.killed == 2)
        #expect(event.date == nil)
    }
}
