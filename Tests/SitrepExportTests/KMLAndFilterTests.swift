import SitrepExport
import Testing

@Suite struct KMLAndFilterTests {
    @Test func placemarksCarryCoordinatesAsLongitudeLatitudeAndEscapedText() {
        let text = KMLFormat.placemark(Samples.hostile)
        #expect(text.contains("<coordinates>-70.25,-1.5</coordinates>"))
        #expect(text.contains("&amp; &lt;three&gt;"))
        #expect(text.contains("id=\"e3&quot;&lt;x&gt;\""))
        #expect(!text.contains("\u{1}"))
        #expect(KMLFormat.placemark(Samples.unplaced) == "")
    }

    @Test(arguments: [
        (EventFilter(), ["e1", "e2", "e3\"<x>", "e4"]),
        (EventFilter(since: "2024-03-03"), ["e2", "e3\"<x>"]),
        (EventFilter(until: "2024-03-05"), ["e1", "e2"]),
        (EventFilter(since: "2024-03-02", until: "2024-03-02"), ["e1"]),
        (EventFilter(types: ["battles"]), ["e1"]),
        (EventFilter(types: ["PROTEST", "consult"]), ["e2", "e4"]),
        (EventFilter(countries: ["NG", "fr"]), ["e2", "e3\"<x>"]),
        (EventFilter(since: "2024-01-01", types: ["assault"], countries: ["SD"]), ["e1"]),
    ])
    func filtersKeepTheEventsAsked(filter: EventFilter, expected: [String]) {
        #expect(Samples.all.filter(filter.keeps).map(\.id) == expected)
    }

    @Test(arguments: [("2024-03-02", true), ("2024-13-01", false), ("2024-3-2", false), ("yesterday", false)])
    func datesAreCheckedForTheirForm(text: String, valid: Bool) {
        #expect(EventFilter.isDate(text) == valid)
    }

    @Test func aLogLineDecodesAndATornOneDoesNot() {
        let line = #"{"schema":"sitrep.event/1","id":"x","type":"ASSAULT","location":{"lat":1.5,"lon":2.5},"killed":3,"extra":[1]}"#
        let event = ExportEvent.decode(line: Array(line.utf8))
        #expect(event?.coordinates?.lat == 1.5 && event?.killed == 3)
        #expect(ExportEvent.decode(line: Array(line.utf8.prefix(30))) == nil)
    }
}
