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
            "Security forces opened fire on protesters, killing 4.", "ASSAULT",
            "Excessive force against protesters"
        ),
        ("Rioters torched cars and pelted police with stones in Dhaka.", "PROTEST", "Violent demonstration"),
        ("Police arrested 12 members of the group in Lahore.", "COERCE", "Arrests"),
        (
            "Army troops recaptured the town of Palmyra from militants.", "ASSAULT",
            "Government regains territory"
        ),
        ("Insurgents attacked an army checkpoint near Herat, killing 5 soldiers.", "ASSAULT", "Armed clash"),
        (
            "Militants have taken control of two villages after heavy fighting.", "ASSAULT",
            "Non-state actor overtakes territory"
        ),
        (
            "Government troops drove the rebels out of the district.", "ASSAULT",
            "Government regains territory"
        ),
        ("Gunmen attacked a wedding party in the village, killing 9 guests.", "ASSAULT", "Attack"),
        ("Fighter jets destroyed an arms depot used by the rebels.", "ASSAULT", "Air/drone strike"),
        (
            "Militants gained control of the army base after heavy fighting.", "ASSAULT",
            "Non-state actor overtakes territory"
        ),
        ("A soldier molested a girl at the checkpoint.", "ASSAULT", "Sexual violence"),
        ("Rebels fired shells filled with poisonous gas at the town.", "ASSAULT", "Chemical weapon"),
        ("Troops used sarin against the rebels in March 2017 in the north.", "ASSAULT", "Chemical weapon"),
        (
            "Police fired rubber bullets at the protesters in the square.", "ASSAULT",
            "Excessive force against protesters"
        ),
        ("Protesters threw stones at the police during the march.", "PROTEST", "Violent demonstration"),
        ("Police clashed with demonstrators outside the ministry.", "PROTEST", "Violent demonstration"),
        ("Soldiers shot dead two protesters at the rally.", "ASSAULT", "Excessive force against protesters"),
        (
            "Three protesters died from gunfire during a rally in the city.", "ASSAULT",
            "Excessive force against protesters"
        ),
        (
            "A group of men attacked a peaceful rally in the square, injuring five marchers.", "ASSAULT",
            "Mob violence"
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
        ("The minister rejected the proposed trade deal.", "REJECT"),
        ("The council said it would not accept the offer.", "REJECT"),
        ("The government said it will give the province new loans.", "AGREE"),
        ("The union said it would boycott the vote unless wages rise.", "THREATEN"),
        ("The envoy said the rebels must lay down their arms.", "DEMAND"),
        ("The country lifted the curfew in the capital.", "CONCEDE"),
        ("The government suspended aid to the neighbouring country.", "SANCTION"),
        ("The teachers called off their strike after the talks.", "CONCEDE"),
        ("Farmers blocked roads in the capital demanding lower fuel prices.", "PROTEST"),
    ])
    func readsNonViolentTypes(text: String, type: String) {
        #expect(Shared.events(text).first?.type.rawValue == type)
    }

    @Test(arguments: [
        "Oil prices fell and demand from Asia, the largest buyer of its crude, has also declined.",
        "Exports declined by 5 percent in the first quarter.",
        "Global oil demand declined sharply as the economy slowed.",
        "Sales of cars declined in March.",
    ])
    func reportsNoEventForMarketDemandOrAFall(text: String) {
        #expect(Shared.events(text).isEmpty)
    }

    @Test(arguments: [
        ("The ministry declined to comment on the arrests.", "REJECT"),
        ("The president declined the invitation to the summit.", "REJECT"),
        ("Workers demand higher prices for their crops.", "DEMAND"),
        ("The opposition renewed its demand for early elections.", "DEMAND"),
    ])
    func keepsRefusalsAndPoliticalDemands(text: String, type: String) {
        #expect(Shared.events(text).first?.type.rawValue == type)
    }

    @Test func aSummaryThatOpensWithADateDatesAndPlacesWhatFollows() {
        let text =
            "07/14/2016: An assailant drove a truck into a crowd in Nice, France. 86 people were killed, "
            + "including the driver, and over 400 were wounded."
        let events = Shared.events(text)
        #expect(events.count == 1)
        #expect(events.first?.date == "2016-07-14")
        #expect(events.first?.location?.name == "Nice")
        #expect(events.first?.killed == 86)
        #expect(events.first?.injured == 400)
    }

    @Test(arguments: [
        ("Clashes between two communities over land left 3 dead and 7 injured.", "Armed clash"),
        (
            "Russian forces launched missile strikes on airfields across the country.",
            "Shelling/artillery/missile attack"
        ),
    ])
    func readsViolenceFromItsToll(text: String, subType: String) {
        #expect(Shared.events(text).first?.acled?.subEventType == subType)
    }

    @Test func casualtiesToldAfterAnAttackBelongToIt() {
        let text =
            "01/15/2016: Assailants detonated an explosive device near a market in Maiduguri, Nigeria. "
            + "At least 10 people, including the bomber, were killed and 15 others were injured in the blast."
        let events = Shared.events(text)
        #expect(events.count == 1)
        #expect(events.first?.killed == 10)
        #expect(events.first?.injured == 15)
    }

    @Test(arguments: [
        "A massive earthquake killed 40 people in the region.",
        "Covid-19 cases rose again in Punjab this week.",
        "A man was arrested after robbing a bank in Leeds.",
        "The weather was pleasant on Sunday.",
        "The group claimed responsibility for a bomb attack that killed nine soldiers in the city.",
        "Officials blamed the rebels for the shelling of the market.",
        "The country tested a hydrogen bomb on Sunday.",
        "A storage tank exploded at a chemical plant, injuring four workers.",
        "A tsunami struck the coast, killing 30 people.",
        "Twelve passengers died when the plane crashed near the airport.",
        "Hackers attacked the ministry's website on Friday.",
        "The striker hit two goals as the club battled to a win in the league match.",
        "The senators clashed over the budget.",
        "Firefighters battled the blaze for hours.",
        "The fight against corruption will continue, the minister said.",
        "The general said: \u{201C}We will strike them hard and kill every one of the men who attacked us.\u{201D}",
        "A gas cylinder exploded in a restaurant kitchen in the old town. The blast killed two cooks.",
    ])
    func reportsNoViolentEventForDisastersCrimeOrNothing(text: String) {
        #expect(!Shared.events(text).contains { $0.type == .assault })
    }

    @Test(arguments: [
        ("Police seized six rifles and 300 rounds of ammunition in a raid.", "Disrupted weapons use"),
        ("Soldiers found a cache of grenades near the border.", "Disrupted weapons use"),
        ("Army engineers defused two roadside bombs on the highway.", "Disrupted weapons use"),
        ("The army set up a new observation post near the town.", "Headquarters or base established"),
        ("Forty rebels surrendered to the army in the province.", "Agreement"),
        ("The two sides exchanged prisoners at the border crossing.", "Agreement"),
        ("The government deployed troops to the northern border.", "Change to group/activity"),
        ("Police captured three suspects in the village.", "Arrests"),
        ("The government and the rebels agreed to resume peace talks next month.", "Agreement"),
        ("The minister welcomed the ceasefire in the north, where fighting killed dozens.", "Agreement"),
        ("The army sent reinforcements to the eastern border.", "Change to group/activity"),
        ("Twelve rifles and 400 rounds of ammunition were seized in the port town.", "Disrupted weapons use"),
        ("Air defences intercepted two missiles over the capital.", "Disrupted weapons use"),
        (
            "Rebels entered the town without resistance after the army pulled out.",
            "Non-violent transfer of territory"
        ),
    ])
    func readsStrategicDevelopments(text: String, subType: String) {
        let event = Shared.events(text, published: "2021-05-05").first
        #expect(event?.acled?.eventType == "Strategic developments")
        #expect(event?.acled?.subEventType == subType)
    }

    @Test(arguments: [
        ("The ministry condemned the rocket attack on the embassy.", "DISAPPROVE"),
        ("The militia denied it was responsible for the bombing.", "REJECT"),
    ])
    func reactionsToAnAttackAreNotTheAttack(text: String, type: String) {
        let events = Shared.events(text)
        #expect(events.first?.type.rawValue == type)
        #expect(!events.contains { $0.type == .assault })
    }

    @Test func definiteMentionsOfTheSameEventMerge() {
        let text =
            "Rebels shelled the town of Idlib on Monday, killing 5. The shelling also wounded 9 people in Idlib."
        let events = Shared.events(text, published: "2021-05-05")
        #expect(events.count == 1)
        #expect(events.first?.killed == 5)
        #expect(events.first?.injured == 9)
    }

    @Test func headlineAndDefiniteReMentionsAddNoEvents() {
        let text = """
            Rebels Shell Border Town After Talks Fail

            Rebels shelled the town of Idlib on 3 May 2021, killing 5 people. The shelling did not hit \
            the hospital. The group has long called for the withdrawal of the army.
            """
        let events = Shared.events(text, published: "2021-05-05")
        #expect(events.count == 1)
        #expect(events.first?.date == "2021-05-03")
        #expect(events.first?.killed == 5)
    }

    @Test func lowercaseTextStillYieldsEvents() {
        let event = Shared.events("militants attacked a police post in kabul, killing three officers.").first
        #expect(event?.type == .assault)
        #expect(event?.killed == 3)
    }
}
