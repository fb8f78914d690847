import Testing

@testable import SitrepExtraction

/// The frames of frames.tsv: threats, market idioms and police procedure are not attacks.
struct FrameTests {
    @Test(arguments: [
        "Shares shot up after the earnings report.",
        "Police urged witnesses to come forward.",
        "He was charged with murder on Tuesday.",
    ])
    func idiomsAndProcedureMakeNoViolentEvent(text: String) {
        let events = Shared.events(text)
        #expect(events.allSatisfy { $0.type.rawValue != "ASSAULT" }, "\(events.map(\.type.rawValue))")
        #expect(events.allSatisfy { $0.type.rawValue != "DEMAND" }, "\(events.map(\.type.rawValue))")
    }

    @Test func violenceAnnouncedIsAThreat() {
        let events = Shared.events("The rebels said they would retaliate against the army.")
        #expect(events.map(\.type.rawValue) == ["THREATEN"], "\(events.map(\.type.rawValue))")
    }

    @Test func anAttackWithAMarketWordAndAnArmedGroupStaysAnAttack() {
        let events = Shared.events("Militants attacked an oil pipeline near Kirkuk.")
        #expect(events.contains { $0.type.rawValue == "ASSAULT" })
    }

    @Test func aChargeAfterAKillingDoesNotRemoveIt() {
        let events = Shared.events("Gunmen killed two villagers near Goma; one man was later charged with murder.")
        #expect(events.contains { $0.type.rawValue == "ASSAULT" && $0.killed == 2 })
    }
}
