import Foundation
import SitrepScaleout
import Testing

@Suite struct SinkBatchTests {
    static let event = #"{"schema":"sitrep.event/1","id":"ev1","doc":{"id":"doc1","path":"a.txt"},"type":"ASSAULT","acled":{"event_type":"Battles","sub_event_type":"Armed clash"},"date":"2024-03-01","location":{"country":"UA","lat":50.45,"lon":30.52},"killed":3,"injured":2}"#

    func message(_ text: String, host: String = "h1", sequence: UInt64 = 1) -> SinkBatch.Message {
        SinkBatch.Message(
            subject: "sitrep.events.\(host)", payload: Array(text.utf8), streamSequence: sequence,
            storedAtNanoseconds: 1_700_000_000_123_456_789)
    }

    @Test func anEventLineBecomesTypedColumns() throws {
        let row = try EventRow(line: Array(Self.event.utf8))
        #expect(row.id == "ev1")
        #expect(row.documentID == "doc1")
        #expect(row.acledType == "Battles")
        #expect(row.country == "UA")
        #expect(row.killed == 3)
        #expect(row.latitude == 50.45)
        #expect(row.record == Self.event)
    }

    @Test func theSameEventFromTwoHostsIsOneEventWithTwoMentions() {
        let batch = SinkBatch(
            messages: [message(Self.event, host: "h1", sequence: 4), message(Self.event, host: "h2", sequence: 5)],
            subjectPrefix: "sitrep.events")
        #expect(batch.events.count == 1)
        #expect(batch.mentions.map(\.host) == ["h1", "h2"])
        #expect(batch.lastSequence == 5)
        #expect(batch.mentions[0].ingestedAt == 1_700_000_000_123_456)
    }

    @Test func aRedeliveredMessageInTheSameBatchIsOneMention() {
        let batch = SinkBatch(messages: [message(Self.event), message(Self.event, sequence: 2)], subjectPrefix: "sitrep.events")
        #expect(batch.mentions.count == 1)
    }

    @Test(arguments: [
        "not json",
        #"{"schema":"other/1","id":"x","doc":{"id":"d"},"type":"T"}"#,
        #"{"schema":"sitrep.event/1","id":"x","doc":{"id":"d"},"type":"T","date":"2024-02-30"}"#,
        #"{"schema":"sitrep.event/1","id":"","doc":{"id":"d"},"type":"T"}"#,
    ])
    func linesThatAreNotEventsAreRejectedNotWritten(text: String) {
        let batch = SinkBatch(messages: [message(text, sequence: 9)], subjectPrefix: "sitrep.events")
        #expect(batch.events.isEmpty)
        #expect(batch.rejected.map(\.streamSequence) == [9])
        #expect(batch.lastSequence == 9)
    }

    @Test func aSubjectOutsideThePrefixIsRejected() {
        let other = SinkBatch.Message(subject: "other.h1", payload: Array(Self.event.utf8), streamSequence: 1, storedAtNanoseconds: 0)
        #expect(SinkBatch(messages: [other], subjectPrefix: "sitrep.events").rejected.count == 1)
    }

    @Test func rowsEncodeForJSONRecordset() throws {
        let batch = SinkBatch(messages: [message(Self.event)], subjectPrefix: "sitrep.events")
        let rows = try JSONSerialization.jsonObject(with: Data(batch.eventsJSON().utf8)) as? [[String: Any]]
        #expect(rows?.first?["acled_event_type"] as? String == "Battles")
        #expect(rows?.first?["lon"] as? Double == 30.52)
        let mentions = try JSONSerialization.jsonObject(with: Data(batch.mentionsJSON().utf8)) as? [[String: Any]]
        #expect(mentions?.first?["doc_id"] as? String == "doc1")
    }

    @Test func coordinatesOutOfRangeAreDropped() throws {
        let text = Self.event.replacingOccurrences(of: "50.45", with: "150.45")
        let row = try EventRow(line: Array(text.utf8))
        #expect(row.latitude == nil && row.longitude == nil)
    }
}
