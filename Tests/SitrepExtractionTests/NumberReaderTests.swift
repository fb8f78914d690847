import Testing

@testable import SitrepExtraction

struct NumberReaderTests {
    @Test(arguments: [
        ("26", 26, false), ("1,200", 1200, false), ("twenty-six", 26, false), ("twenty six", 26, false),
        ("a dozen", 12, false), ("two hundred", 200, false), ("hundreds", 100, true), ("at least 5", 5, true),
        ("more than fifty", 50, true), ("nearly 40", 40, false), ("three thousand", 3000, false),
        ("dozens", 12, true), ("several", 3, true), ("2 million", 2_000_000, false),
    ])
    func readsCountsInDigitsAndWords(text: String, value: Int, isMinimum: Bool) {
        let reading = Shared.extractor.numbers.read(Shared.tokens(text), at: 0)
        #expect(reading?.value == value)
        #expect(reading?.isMinimum == isMinimum)
    }

    @Test(arguments: ["the", "a man", "12:30"])
    func nonNumbersAreNotRead(text: String) {
        #expect(Shared.extractor.numbers.read(Shared.tokens(text), at: 0) == nil)
    }

    @Test(arguments: [
        ("Gunmen killed 3 people and wounded 12 others.", 3, false, 12, false),
        ("Three people were killed in the attack.", 3, false, nil, false),
        ("The blast caused twelve injuries and three casualties.", 3, false, 12, false),
        ("At least twenty-six fighters were reportedly killed.", 26, true, nil, false),
        ("The strike killed more than 50 militants.", 50, true, nil, false),
        ("Two soldiers later died of their wounds.", 2, false, nil, false),
        ("The death toll rose to 9 on Sunday.", 9, false, nil, false),
        ("The attack did not cause casualties.", 0, false, nil, false),
        ("Militants killed in 2019 were buried.", nil, false, nil, false),
        ("Rockets hit on March 11 killing a dozen soldiers.", 12, false, nil, false),
        ("A local reporter was killed in the explosion.", 1, false, nil, false),
        ("An elderly prisoner died in custody.", 1, false, nil, false),
        ("Rebels killed the deputy commander of the garrison.", 1, false, nil, false),
        ("Four UN peacekeepers were wounded by a mine.", nil, false, 4, false),
        ("Rebels killed the soldiers guarding the bridge.", nil, false, nil, false),
        ("Rebels raided the village, killing at least 12 and wounding several others.", 12, true, 3, true),
        ("The blast killed 5 people, injuring 20.", 5, false, 20, false),
        ("Gunmen shot dead a teacher.", 1, false, nil, false),
        ("Gunmen shot dead 3 villagers.", 3, false, nil, false),
        ("A suicide bomber blew up a bus, killing herself and six soldiers.", 7, false, nil, false),
        ("Shots were fired at the car, killing Kahane and his driver and wounding their daughters.", 2, false, nil, false),
        ("The bomber attacked a patrol, killing the bomber and a girl.", 2, false, nil, false),
        ("Two policemen and two civilians were killed when a bomb exploded.", 4, false, nil, false),
        ("Jauregui was shot and killed by two gunmen in Tolosa.", 1, false, nil, false),
        ("He died later in hospital.", 1, false, nil, false),
        ("The convoy was attacked by gunmen who killed three.", 3, false, nil, false),
        ("No one was killed in the blast.", 0, false, nil, false),
        ("Soldiers were killed in the ambush.", nil, false, nil, false),
        ("Dozens of people were killed in the raid.", 12, true, nil, false),
    ])
    func attachesCasualtyCountsToTheRightWords(
        text: String, killed: Int?, killedMin: Bool, injured: Int?, injuredMin: Bool
    ) {
        let result = Shared.extractor.casualties(in: Shared.tokens(text))
        #expect(result.killed == killed)
        #expect(result.killed == nil || result.killedMin == killedMin)
        #expect(result.injured == injured)
        #expect(result.injured == nil || result.injuredMin == injuredMin)
    }
}

struct NumberTextTests {
    @Test(arguments: [
        "33.5260", "-97.5226", "0.0000", "-0.0000", "44.2560", "149.2025", "7", "-3", "12.5", "0.1", "1.25",
        "179.9999", "-179.9999", "90.0000",
    ])
    func readsDecimalsExactlyAsTheStandardLibrary(text: String) {
        let fast = Array(text.utf8).withUnsafeBufferPointer { NumberText.decimal($0) }
        #expect(fast != nil)
        #expect(fast?.bitPattern == Double(text)?.bitPattern)
    }

    @Test(arguments: ["1e5", "", "-", ".", "1.2.3", "12a", "1234567890123456.7"])
    func leavesOtherFormsToTheStandardLibrary(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { NumberText.decimal($0) } == nil)
    }

    @Test(arguments: [("0", 0), ("79856", 79856), ("-12", -12), ("+7", 7)])
    func readsIntegers(text: String, value: Int) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { NumberText.integer($0) } == value)
    }
}
