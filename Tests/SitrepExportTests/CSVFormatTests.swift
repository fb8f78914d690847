import SitrepExport
import Testing

@Suite struct CSVFormatTests {
    func readBack(_ events: [ExportEvent]) throws -> [[String: String]] {
        let text = CSVFormat.header + events.map(CSVFormat.row).joined()
        let rows = try #require(CSVReader.rows(text))
        let header = try #require(rows.first)
        #expect(header == CSVFormat.columns)
        return rows.dropFirst().map { row in
            #expect(row.count == header.count)
            return Dictionary(uniqueKeysWithValues: zip(header, row))
        }
    }

    @Test func everyRowReadsBackWithACLEDColumnsAndValues() throws {
        let rows = try readBack(Samples.all)
        #expect(rows.count == 4)
        let battle = rows[0]
        #expect(battle["event_date"] == "2024-03-02")
        #expect(battle["year"] == "2024")
        #expect(battle["time_precision"] == "1")
        #expect(battle["event_type"] == "Battles")
        #expect(battle["sub_event_type"] == "Armed clash")
        #expect(battle["actor1"] == "Military (Sudan)")
        #expect(battle["actor2"] == "RSF")
        #expect(battle["country"] == "SD")
        #expect(battle["admin1"] == "North Darfur")
        #expect(battle["location"] == "El Fasher")
        #expect(battle["latitude"] == "13.6279")
        #expect(battle["longitude"] == "25.3494")
        #expect(battle["fatalities"] == "12")
        #expect(battle["notes"] == "Clashes in El Fasher killed 12, officials said.")
        #expect(battle["source"] == "Fighting in Darfur https://example.org/a?x=1,2")
        #expect(rows[3]["latitude"] == "" && rows[3]["fatalities"] == "0")
    }

    @Test func quotesCommasAndLineBreaksSurviveTheRoundTrip() throws {
        let rows = try readBack([Samples.hostile])
        #expect(rows[0]["notes"] == "Line one,\r\nline \"two\"\t& <three> \u{1}")
        #expect(rows[0]["event_id_cnty"] == "e3\"<x>")
    }

    @Test(arguments: [
        ("=1+2", "'=1+2"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("plain", "plain"), ("a=b", "a=b"), ("", ""),
    ])
    func formulaCellsAreNeutralised(cell: String, expected: String) throws {
        let written = CSVFormat.text(cell)
        let read = try #require(CSVReader.rows(written + "\r\n"))
        #expect(read == [[expected]])
    }

    @Test func negativeCoordinatesStayNumbers() throws {
        let rows = try readBack([Samples.hostile])
        #expect(rows[0]["latitude"] == "-1.5")
        #expect(rows[0]["longitude"] == "-70.25")
        #expect(rows[0]["location"] == "'-2+3")
        #expect(rows[0]["source"] == "'@cmd")
    }
}
