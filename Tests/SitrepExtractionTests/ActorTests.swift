import Testing

@testable import SitrepExtraction

struct ActorTests {
    func actors(_ text: String) -> [Actor] {
        Shared.extractor.actorMentions(
            in: Shared.sentence(text), text: Array(text.utf8), lowercaseText: false
        ).map(\.actor)
    }

    @Test(arguments: [
        ("Iraqi troops advanced.", "Iraqi troops", "IQ" as String?, "MIL" as String?),
        ("The United States retaliated.", "United States", "US", nil),
        ("Kataib Hezbollah fired rockets.", "Kataib Hezbollah", "IQ", "REB"),
        ("Police arrested two men.", "Police", nil, "COP"),
        ("Mark Esper spoke.", "Mark Esper", "US", "GOV"),
        ("The UN condemned it.", "UN", nil, "IGO"),
    ])
    func recognisesCountriesOrganisationsPeopleAndSectors(
        text: String, actorText: String, country: String?, sector: String?
    ) {
        let found = actors(text).first
        #expect(found?.text == actorText)
        #expect(found?.country == country)
        #expect(found?.sector == sector)
    }

    @Test(arguments: [
        ("Jordan and Britain have agreed to hold exercises.", ["Jordan", "Britain"], [String]()),
        ("Rebels attacked an army post.", ["Rebels"], ["army"]),
        ("Two villagers were abducted by gunmen.", ["gunmen"], ["villagers"]),
        ("Senior Hungarian and Romanian officials met.", ["Hungarian", "Romanian officials"], []),
        ("The Coastal Fishers Guild (CFG) has agreed to end the boycott.", ["Coastal Fishers Guild"], []),
        ("Peru said it is willing to reopen the border.", ["Peru"], []),
        ("The opposition groups in Chile are demanding new elections.", ["opposition"], []),
        ("Brazil said Chile must pay the debt.", ["Brazil"], ["Chile"]),
    ])
    func assignsSourceAndTargetIncludingPassiveVoice(text: String, source: [String], target: [String]) {
        let event = Shared.events(text).first
        #expect(event?.source?.map(\.text) ?? [] == source)
        #expect(event?.target?.map(\.text) ?? [] == target)
    }
}
