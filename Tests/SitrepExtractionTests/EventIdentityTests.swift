import Testing

@testable import SitrepExtraction

@Suite struct EventIdentityTests {
    let text = "Gunmen attacked a police station in Kano on Monday, killing four officers."

    @Test func sameTextAndPublicationDateGiveTheSameIds() {
        let first = Shared.events(text, published: "2021-05-05").map(\.id)
        let second = Shared.events(text, published: "2021-05-05").map(\.id)
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func sameTextPublishedOnAnotherDayGivesOtherIds() {
        let first = Shared.events(text, published: "2021-05-05").map(\.id)
        let second = Shared.events(text, published: "2021-06-09").map(\.id)
        #expect(!first.isEmpty)
        #expect(Set(first).isDisjoint(with: Set(second)))
    }

    @Test func undatedTextKeepsItsContentId() {
        let undated = Shared.events(text).map(\.id)
        let dated = Shared.events(text, published: "2021-05-05").map(\.id)
        #expect(!undated.isEmpty)
        #expect(Set(undated).isDisjoint(with: Set(dated)))
    }
}
