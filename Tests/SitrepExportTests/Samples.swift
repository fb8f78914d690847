import SitrepExport

/// Events as the log holds them, hostile text included.
enum Samples {
    static let battle = ExportEvent(
        id: "e1", type: "ASSAULT", acled: .init(eventType: "Battles", subEventType: "Armed clash"),
        date: "2024-03-02", datePrecision: "day", source: [.init(text: "the army", name: "Military (Sudan)")],
        target: [.init(text: "RSF fighters", name: "RSF")],
        location: .init(text: "El Fasher", name: "El Fasher", country: "SD", admin1: "North Darfur", lat: 13.6279, lon: 25.3494, precision: "city"),
        killed: 12, injured: 3, sentence: "Clashes in El Fasher killed 12, officials said.",
        doc: .init(title: "Fighting in Darfur", url: "https://example.org/a?x=1,2"))
    static let protest = ExportEvent(
        id: "e2", type: "PROTEST", acled: .init(eventType: "Protests", subEventType: "Peaceful protest"),
        date: "2024-03-05", location: .init(name: "Paris", country: "FR", lat: 48.8566, lon: 2.3522, precision: "city"),
        sentence: "=HYPERLINK(\"http://evil\",\"click\")")
    static let hostile = ExportEvent(
        id: "e3\"<x>", type: "DEMAND", date: "2024-04-01",
        location: .init(text: "-2+3", country: "ng", lat: -1.5, lon: -70.25),
        sentence: "Line one,\r\nline \"two\"\t& <three> \u{1}", doc: .init(title: "@cmd"))
    static let unplaced = ExportEvent(id: "e4", type: "CONSULT", sentence: "Talks were held.")

    static let all = [battle, protest, hostile, unplaced]
}
