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

    /// Escapes byte by byte: the plain reading of RFC 8259 the writer must agree with.
    static func escapedByReference(_ text: String) -> String {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                out += Array(("\\u00" + (hex.count == 1 ? "0" : "") + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x22, 0x5C, 0x7F] as [UInt8])
    func escapesAreFoundAtEveryPositionOfLongAndShortStrings(special: UInt8) {
        let filler = Array("Ā quiet line of text, é and ü, numbers 0123456789".utf8)
        for length in 0...40 {
            for position in 0..<max(length, 1) {
                var bytes = Array(filler.prefix(length))
                if position < length { bytes[position] = special }
                let text = String(decoding: bytes, as: UTF8.self)
                var writer = JSONWriter()
                writer.writeString(text)
                let written = writer.string
                #expect(written == Self.escapedByReference(text), "length \(length), position \(position)")
            }
        }
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (-1, "-1"), (10, "10"), (174448, "174448"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integersAreWrittenInDecimal(value: Int, expected: String) {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("n", value)
        writer.endObject()
        let written = writer.string
        #expect(written == #"{"n":"# + expected + "}")
    }

    /// How numbers were always written: integral values below 1e15 as integers, the rest as Swift prints them.
    static func referenceNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    @Test(
        arguments: [
            -10, -7.2, 3.4, 0.85, 0.7, 36.5024, 40.7477, -122.4194, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, -0.0,
            0.5,
            1e-4, 9.9999e-5, 1e-5, 0.00012345, 0.000100000000001, 123456789012.5, 112589990684262.3,
            1125899906842.625, 4503599627370495.5, 1e15, 1e15 + 0.5, 1e16, 1.5e300, .leastNonzeroMagnitude,
            .pi, -.pi, .greatestFiniteMagnitude, .leastNormalMagnitude, .nan, .infinity, -.infinity,
        ] as [Double])
    func numbersAreWrittenAsBefore(value: Double) {
        #expect(JSONWriter.number(value) == Self.referenceNumber(value))
    }

    @Test func shortDecimalsOfEveryMagnitudeAreWrittenAsBefore() {
        // A fixed linear congruential sequence: the same values on every run.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        var mismatches: [Double] = []
        for _ in 0..<40_000 {
            let digits = Double((next() >> 11) % 100_000_000_000)
            let scale = [1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 1e3, 1e6][Int((next() >> 33) % 11)]
            let negative = next() >> 63 == 0
            let decimal = (negative ? -1 : 1) * digits * scale
            // Any double from about 5e-10 to 4e19, either sign.
            let arbitrary = Double(bitPattern: next() % 0x0600_0000_0000_0000 + 0x3E00_0000_0000_0000)
            let signedArbitrary = next() >> 63 == 0 ? arbitrary : -arbitrary
            for value in [decimal, signedArbitrary, decimal.nextUp, decimal.nextDown] {
                if JSONWriter.number(value) != Self.referenceNumber(value) { mismatches.append(value) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func fullEventLineIsExact() {
        let event = Event(
            id: "e3",
            doc: DocumentReference(id: "d2", path: "in/a.jsonl", sha256: "ff", record: 2, offset: 40),
            type: .assault, context: ["military", "urban"], cameo: "190", quadClass: 4, goldstein: -9.5,
            date: "2024-01-02", datePrecision: .day,
            source: [Actor(text: "the \"army\"", name: "Army", country: "XX", sector: "MIL")],
            target: [Actor(text: "two towns"), Actor(text: "a\tpost")],
            location: Location(text: "Ālbū", country: "SY", lat: 34.45, lon: -0.0001, geonamesID: 7),
            killed: 0, killedMin: false, injured: 12, injuredMin: true, background: true,
            sentence: "Line one\nline two \\ end", span: [3, 1500], confidence: 0.72)
        let expected =
            #"{"schema":"sitrep.event/1","id":"e3","doc":{"id":"d2","path":"in/a.jsonl","sha256":"ff","record":2,"#
            + #""offset":40},"type":"ASSAULT","context":["military","urban"],"cameo":"190","quad_class":4,"#
            + #""goldstein":-9.5,"date":"2024-01-02","date_precision":"day","source":[{"text":"the \"army\"","#
            + #""name":"Army","country":"XX","sector":"MIL"}],"target":[{"text":"two towns"},{"text":"a\tpost"}],"#
            + #""location":{"text":"Ālbū","country":"SY","lat":34.45,"lon":-0.0001,"geonames_id":7},"killed":0,"#
            + #""killed_min":false,"injured":12,"injured_min":true,"background":true,"#
            + #""sentence":"Line one\nline two \\ end","span":[3,1500],"confidence":0.72}"#
        #expect(event.jsonLine() == expected)
    }
}
