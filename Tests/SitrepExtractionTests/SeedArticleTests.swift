import Foundation
import SitrepFormats
import Testing

@testable import SitrepExtraction

/// The project's sample article (inbox/000_b13b721b40df3ab0.txt): it has no publication date; the
/// year follows from "Wednesday, March 11" and the people it names.
struct SeedArticleTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("inbox/000_b13b721b40df3ab0.txt")

    static func events() throws -> [Event] {
        let text = try String(contentsOf: path, encoding: .utf8)
        return Shared.extractor.extract(Document(text: text))
    }

    @Test func yieldsTheCampTajiRocketAttack() throws {
        let taji = try #require(
            try Self.events().first {
                $0.location?.country == "IQ" && $0.date == "2020-03-11" && $0.killed == 3
            })
        #expect(taji.type == .assault)
        #expect(
            taji.acled
                == ACLEDCategory(
                    eventType: "Explosions/Remote violence", subEventType: "Shelling/artillery/missile attack"
                ))
        #expect(taji.injured == 12)
        #expect(taji.location?.text.contains("Taji") == true)
        #expect(taji.background == nil)
    }

    @Test func yieldsTheStrikeNearAlbuKamal() throws {
        let strike = try #require(try Self.events().first { $0.location?.country == "SY" })
        #expect(strike.type == .assault)
        #expect(strike.acled?.subEventType == "Air/drone strike")
        #expect(strike.date == "2020-03-12")
        #expect(strike.killed == 26)
        #expect(strike.killedMin == true)
        #expect(strike.location?.text == "Albu Kamal")
    }

    @Test func earlierEventsAreBackground() throws {
        let kirkuk = try #require(try Self.events().first { $0.location?.name == "Kirkuk" })
        #expect(kirkuk.background == true)
    }

    @Test func idsAreStableAndUnique() throws {
        let first = try Self.events()
        let second = try Self.events()
        #expect(first == second)
        #expect(Set(first.map(\.id)).count == first.count)
    }
}
