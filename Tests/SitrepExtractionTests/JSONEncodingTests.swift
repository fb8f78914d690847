import Foundation
import Testing

@testable import SitrepExtraction

struct JSONEncodingTests {
    static let doc = DocumentReference(id: "d1", sha256: "abc")

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("line\nbreak\ttab", "\"line\\nbreak\\ttab\""),
        ("bell\u{07}", "\"bell\\u0007\""),
        ("Ālbū Kamāl “quoted”", "\"Ālbū Kamāl “quoted”\""),
    ])
    func stringsAreEscapedPerRFC8259(input: String, expected: String) {
        var writer = JSONWriter()
        writer.writeString(input)
        #expect(writer.string == expected)
    }

    @Test func minimalEventHasRequiredFieldsOnly() {
        let event = Event(id: "e1", doc: Self.doc, type: .protest)
        #expect(
            event.jsonLine()
                == #"{"schema":"sitrep.event/1","id":"e1","doc":{"id":"d1","sha256":"abc"},"type":"PROTEST"}"#
        )
    }

    @Test func keysFollowTheSchemaOrder() throws {
        let event = Event(
            id: "e2", doc: Self.doc, type: .assault, mode: "aerial", context: ["military"], cameo: "195",
            quadClass: 4, goldstein: -10,
            acled: ACLEDCategory(eventType: "Explosions/Remote violence", subEventType: "Air/drone strike"),
            date: "2020-03-12", datePrecision: .day, source: [Actor(text: "US", country: "US")],
            target: [Actor(text: "militia", sector: "REB")],
            location: Location(
                text: "Albu Kamal", name: "Albu Kamal", country: "SY", lat: 34.45, lon: 40.92,
                precision: .city, geonamesID: 174448),
            killed: 26, killedMin: true, quantity: Quantity(count: 5, what: "facilities"), background: false,
            trigger: "bombed", sentence: "s", span: [0, 1], confidence: 0.8)
        let line = event.jsonLine()
        #expect(!line.hasSuffix("\n"))
        let keys = [
            "\"schema\"", "\"id\"", "\"doc\"", "\"type\"", "\"mode\"", "\"context\"", "\"cameo\"",
            "\"quad_class\"",
            "\"goldstein\"", "\"acled\"", "\"date\"", "\"date_precision\"", "\"source\"", "\"target\"",
            "\"location\"",
            "\"killed\"", "\"killed_min\"", "\"quantity\"", "\"background\"", "\"trigger\"", "\"sentence\"",
            "\"span\"",
            "\"confidence\"",
        ]
        let positions = keys.map { line.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["goldstein"] as? Int == -10)
        #expect((object?["location"] as? [String: Any])?["lat"] as? Double == 34.45)
        #expect(object?["injured"] == nil)
    }
}
