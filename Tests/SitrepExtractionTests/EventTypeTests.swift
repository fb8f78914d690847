import Testing

@testable import SitrepExtraction

struct EventTypeTests {
    @Test(arguments: [
        ("Warplanes pounded the village of Kafr Nabl, killing 6 civilians.", "ASSAULT", "Air/drone strike"),
        (
            "Militants fired mortar shells at an army post in Kunduz.", "ASSAULT",
            "Shelling/artillery/missile attack"
        ),
        (
            "A roadside bomb exploded near a police convoy in Kandahar.", "ASSAULT",
            "Remote explosive/landmine/IED"
        ),
        ("A suicide bomber blew himself up at a mosque in Kabul.", "ASSAULT", "Suicide bomb"),
        ("Soldiers clashed with rebels near Goma on Monday.", "ASSAULT", "Armed clash"),
        ("Gunmen abducted 20 students from a school in Kaduna.", "ASSAULT", "Abduction/forced disappearance"),
        ("Hundreds of farmers staged a sit-in outside parliament.", "PROTEST", "Peaceful protest"),
        (
            "Police fired tear gas to disperse the protesters in Lagos.", "PROTEST",
            "Protest with intervention"
        ),
        (
            "Security forces opened fire on protesters, killing 4.", "PROTEST",
            "Excessive force against protesters"
        ),
        ("Rioters torched cars and pelted police with stones in Dhaka.", "PROTEST", "Violent demonstration"),
        ("Police arrested 12 members of the group in Lahore.", "COERCE", "Arrests"),
        (
            "Army troops recaptured the town of Palmyra from militants.", "ASSAULT",
            "Government regains territory"
        ),
    ])
    func decidesPLOVERAndACLEDTogether(text: String, type: String, subType: String) {
        let event = Shared.events(text, published: "2021-05-05").first
        #expect(event?.type.rawValue == type)
        #expect(event?.acled?.subEventType == subType)
        #expect(event?.cameo != nil)
        #expect(event?.quadClass != nil)
    }

    @Test(arguments: [
        ("The government condemned the decision.", "DISAPPROVE"),
        ("The two leaders met in Geneva to discuss trade.", "CONSULT"),
        ("Iran threatened to attack the ships.", "THREATEN"),
        ("Protesters demanded the release of the prisoners.", "PROTEST"),
        ("Japan provided humanitarian aid to the flood victims.", "AID"),
        ("Both sides agreed to a ceasefire.", "AGREE"),
    ])
    func readsNonViolentTypes(text: String, type: String) {
        #expect(Shared.events(text).first?.type.rawValue == type)
    }

    @Test(arguments: [
        "A massive earthquake killed 40 people in the region.",
        "Covid-19 cases rose again in Punjab this week.",
        "A man was arrested after robbing a bank in Leeds.",
        "The weather was pleasant on Sunday.",
    ])
    func reportsNoViolentEventForDisastersCrimeOrNothing(text: String) {
        #expect(!Shared.events(text).contains { $0.type == .assault })
    }

    @Test func definiteMentionsOfTheSameEventMerge() {
        let text =
            "Rebels shelled the town of Idlib on Monday, killing 5. The shelling also wounded 9 people in Idlib."
        let events = Shared.events(text, published: "2021-05-05")
        #expect(events.count == 1)
        #expect(events.first?.killed == 5)
        #expect(events.first?.injured == 9)
    }

    @Test func lowercaseTextStillYieldsEvents() {
        let event = Shared.events("militants attacked a police post in kabul, killing three officers.").first
        #expect(event?.type == .assault)
        #expect(event?.killed == 3)
    }
}
