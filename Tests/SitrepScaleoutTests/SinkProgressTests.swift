import SitrepScaleout
import Testing

@Suite struct SinkProgressTests {
    func event(_ id: String) -> String {
        #"{"schema":"sitrep.event/1","id":"\#(id)","doc":{"id":"doc1"},"type":"PROTEST","date":"2024-03-01"}"#
    }

    func batch(_ ids: [String], hosts: [String] = ["h1"], first: UInt64 = 1) -> SinkBatch {
        var messages: [SinkBatch.Message] = []
        var sequence = first
        for id in ids {
            for host in hosts {
                messages.append(
                    SinkBatch.Message(
                        subject: "sitrep.events.\(host)", payload: Array(event(id).utf8),
                        streamSequence: sequence,
                        storedAtNanoseconds: 0))
                sequence += 1
            }
        }
        return SinkBatch(messages: messages, subjectPrefix: "sitrep.events")
    }

    @Test func rowsTheDatabaseDidNotInsertAreCountedAsDuplicatesSkipped() {
        var progress = SinkProgress()
        let first = batch(["e1", "e2"], hosts: ["h1", "h2"])
        progress.committed(first, messages: 4, insertedEvents: 2, insertedMentions: 4)
        // Redelivered after a crash between COMMIT and ack: nothing new.
        progress.committed(first, messages: 4, insertedEvents: 0, insertedMentions: 0)
        #expect(progress.batches == 2)
        #expect(progress.messages == 8)
        #expect(progress.eventsInserted == 2)
        #expect(progress.eventsSkipped == 2)
        #expect(progress.mentionsInserted == 4)
        #expect(progress.mentionsSkipped == 4)
        #expect(progress.lastSequence == 4)
    }

    @Test func messagesThatAreNotEventsAreCountedAsRejected() {
        var progress = SinkProgress()
        let messages = [
            SinkBatch.Message(
                subject: "sitrep.events.h1", payload: Array("not json".utf8), streamSequence: 9,
                storedAtNanoseconds: 0)
        ]
        progress.committed(
            SinkBatch(messages: messages, subjectPrefix: "sitrep.events"), messages: 1, insertedEvents: 0,
            insertedMentions: 0)
        #expect(progress.rejected == 1)
        #expect(progress.eventsSkipped == 0)
        #expect(progress.lastSequence == 9)
    }

    @Test func theLastSequenceNeverMovesBack() {
        var progress = SinkProgress()
        progress.committed(batch(["e1"], first: 50), messages: 1, insertedEvents: 1, insertedMentions: 1)
        progress.committed(batch(["e2"], first: 10), messages: 1, insertedEvents: 1, insertedMentions: 1)
        #expect(progress.lastSequence == 50)
    }

    @Test func statusLineShowsRowsRateDuplicatesAndLag() {
        var progress = SinkProgress()
        progress.committed(batch(["e1", "e2"]), messages: 2, insertedEvents: 1, insertedMentions: 2)
        progress.pending = 40
        #expect(
            progress.status(mentionsPerSecond: 7)
                == "1 batch, 1 event and 2 mentions written, 7 mentions/s, 1 duplicate skipped, 40 messages behind"
        )
        progress.failedBatches = 2
        #expect(progress.status(mentionsPerSecond: 0).hasSuffix(", 2 batches failed"))
        var earlier = SinkProgress()
        earlier.mentionsInserted = 0
        #expect(progress.mentionsPerSecond(since: earlier, milliseconds: 500) == 4)
    }
}
