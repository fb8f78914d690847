import Testing

@testable import SitrepExtraction

struct PlaceTests {
    func bestPlace(_ text: String, countries: [String: Int] = [:]) -> Location? {
        let sentence = Shared.sentence(text)
        return Shared.extractor.placeMentions(
            in: sentence, text: Array(text.utf8), lowercaseText: false, documentCountries: countries,
            skipping: []
        ).max { $0.rank < $1.rank }?.location
    }

    @Test(arguments: [
        ("Fighting broke out in Kirkuk on Monday.", "Kirkuk", "IQ", Location.Precision.city),
        ("Protesters marched in Baghdad.", "Baghdad", "IQ", .city),
        ("Missiles hit Camp Taji, 12 miles north of Baghdad.", "Camp Taji", "IQ", .site),
        ("Bases near Albu Kamal were bombed.", "Ālbū Kamāl", "SY", .city),
        ("Police opened fire in Nigeria.", "Nigeria", "NG", .country),
        ("Clashes on the Syrian-Iraqi border.", "Syria", "SY", .country),
        ("Protesters gathered in Khartoum on Monday.", "Khartoum", "SD", .city),
        ("Fighters attacked a checkpoint in Helmand province.", "Helmand", "AF", .admin1),
        ("Militants killed nine farmers in Borno State.", "Borno", "NG", .admin1),
        ("Rebels killed 12 civilians in North Kivu.", "North Kivu", "CD", .admin1),
        ("Youths marched in Rivers State.", "Rivers State", "NG", .admin1),
        ("A gunman shot four people in Texas.", "Texas", "US", .admin1),
    ])
    func findsPlacesWithCoordinates(
        text: String, name: String, country: String, precision: Location.Precision
    ) {
        let location = bestPlace(text)
        #expect(location?.name == name)
        #expect(location?.country == country)
        #expect(location?.precision == precision)
        #expect(location?.lat != nil)
        // Every place has real coordinates: none is left at 0° 0°.
        #expect(location.map { $0.lat != 0 || $0.lon != 0 } == true)
    }

    @Test(arguments: [
        "The Central Bank raised its rates.", "Eastern forces took the hill.",
        "Somali troops took the hill.", "Boats sailed along the Red Sea Coast.",
    ])
    func regionNamesThatAreWordsAreNotPlacesAlone(text: String) {
        #expect(bestPlace(text)?.precision != .admin1)
    }

    @Test func referencePointKeepsItsOffsetInTheText() {
        let location = bestPlace("The base lies 12 miles north of Baghdad.")
        #expect(location?.text == "12 miles north of Baghdad")
        #expect(location?.name == "Baghdad")
    }

    @Test func documentCountryDisambiguatesSameNamedPlaces() {
        // Several places share the name Taji; in a story about Iraq the Iraqi one is meant.
        #expect(bestPlace("Rockets hit Taji.", countries: ["IQ": 3])?.country == "IQ")
    }

    @Test(arguments: [
        // "Boni" is an alternate name of Bonn; Mopti, named beside it, is only in Mali.
        ("Soldiers clashed with militants near Boni (Hombori, Mopti).", "Mopti", "ML"),
        // A country stays a country when a town elsewhere has its name.
        ("Troops massed near Jordan's border with Syria.", "Jordan", "JO"),
        ("Militants backed by Ankara took two villages near Afrin.", "‘Afrīn", "SY"),
        // Solhan of Burkina Faso is not in the gazetteer; the Turkish town of that name gives way.
        ("Gunmen attacked the village of Solhan (Yagha, Sahel).", "Sahel", "BF"),
    ])
    func placesNamedTogetherDisambiguateEachOther(text: String, name: String, country: String) {
        let location = bestPlace(text)
        #expect(location?.name == name)
        #expect(location?.country == country)
    }

    @Test(arguments: ["Due to the rain, nothing happened.", "Mark said hope is near."])
    func commonWordsAreNotPlaces(text: String) {
        #expect(bestPlace(text) == nil)
    }

    @Test(arguments: [
        (
            "Militants stormed a checkpoint in Baghdad on Monday. Two hours later they shot dead a driver.",
            "Baghdad"
        ),
        ("The Malian army said its soldiers killed 12 militants in an ambush.", "Mali"),
    ])
    func eventsWithoutAPlaceTakeTheParagraphsPlaceOrTheCountry(text: String, name: String) {
        let events = Shared.events(text, published: "2021-05-05")
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.location?.name == name })
    }
}
