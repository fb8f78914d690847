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

/// One sentence that never ends (abbreviations and initialisms instead of full stops) once made
/// every per-sentence stage quadratic: 2 MB took minutes.
struct LongSentenceTests {
    static let abbreviations = "Gen. Col. Lt. Mr. Dr. U.S. U.N. No. 5 attacked "

    @Test func anOverlongSentenceIsCutIntoBoundedPieces() {
        let text = String(repeating: Self.abbreviations, count: 2_000)
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        let sentences = Shared.extractor.splitter.split(bytes, tokens: tokens, lowercaseText: false)
        #expect(sentences.count > 1)
        #expect(sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maximumTokens })
        #expect(sentences.map(\.tokens.count).reduce(0, +) == tokens.count)
    }

    @Test func aLongSentenceIsCutAfterAComma() {
        let clause = "troops from the north and the south of the region moved on, "
        let text = String(repeating: clause, count: 40)
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        let sentences = Shared.extractor.splitter.split(bytes, tokens: tokens, lowercaseText: false)
        #expect(sentences.count > 1)
        for sentence in sentences.dropLast() { #expect(sentence.tokens.last?.key == ",") }
    }

    @Test(arguments: [abbreviations, "Gen. attacked ", "Rebels attacked Kabul on 3 March 2020, "])
    func worstCaseTextExtractsInTimeLinearInItsLength(pattern: String) {
        _ = Shared.extractor
        let clock = ContinuousClock()
        let text = String(repeating: pattern, count: 200_000 / pattern.utf8.count)
        let elapsed = clock.measure { _ = Shared.events(text) }
        // 200 kB of this took about three minutes (debug build) before sentences were bounded.
        #expect(elapsed < .seconds(30), "extraction of 200 kB took \(elapsed)")
    }

    @Test func extractionStopsWhenAskedTo() {
        let text = String(repeating: "Rebels attacked the town. ", count: 200)
        var asked = 0
        #expect(throws: ExtractionStopped.self) {
            _ = try Shared.extractor.extract(Document(text: text)) {
                asked += 1
                return asked < 3
            }
        }
    }
}
