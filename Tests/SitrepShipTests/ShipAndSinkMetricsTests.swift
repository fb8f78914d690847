import SitrepMetrics
import SitrepScaleout
import SitrepShip
import Testing

@Suite struct ShipAndSinkMetricsTests {
    func samples(_ registry: MetricsRegistry) throws -> [PrometheusSample] {
        try #require(PrometheusSample.parse(String(decoding: registry.exposition(), as: UTF8.self)))
    }

    func value(_ samples: [PrometheusSample], _ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    @Test func shipCountersAddWhatChangedAndGaugesShowTheLatest() throws {
        let metrics = ShipMetrics(startedAtSeconds: 1000)
        var progress = ShipProgress()
        progress.published = 10
        progress.acknowledged = 8
        progress.retried = 1
        progress.inFlight = 2
        progress.windowCapacity = 256
        progress.lagBytes = 900
        progress.lagLines = 2
        metrics.update(progress, nowSeconds: 1005)
        progress.published = 15
        progress.acknowledged = 15
        progress.duplicateChecks = 2
        progress.duplicatesMissing = 1
        progress.inFlight = 0
        progress.lagBytes = 0
        progress.lagLines = 0
        metrics.update(progress, nowSeconds: 1010)
        let samples = try samples(metrics.registry)
        #expect(value(samples, "sitrep_ship_published_total") == 15)
        #expect(value(samples, "sitrep_ship_acknowledged_total") == 15)
        #expect(value(samples, "sitrep_ship_retried_total") == 1)
        #expect(value(samples, "sitrep_ship_duplicate_checks_total") == 2)
        #expect(value(samples, "sitrep_ship_reidentified_total") == 1)
        #expect(value(samples, "sitrep_ship_in_flight") == 0)
        #expect(value(samples, "sitrep_ship_window_capacity") == 256)
        #expect(value(samples, "sitrep_ship_lag_bytes") == 0)
        #expect(value(samples, "sitrep_ship_start_time_seconds") == 1000)
        #expect(value(samples, "sitrep_ship_metrics_written_timestamp_seconds") == 1010)
    }

    @Test func sinkCountsBatchesRowsDuplicatesAndCommitTimes() throws {
        let metrics = SinkMetrics(startedAtSeconds: 2000)
        let event =
            #"{"schema":"sitrep.event/1","id":"e1","doc":{"id":"d1"},"type":"PROTEST","date":"2024-03-01"}"#
        let messages = ["h1", "h2"].enumerated().map { index, host in
            SinkBatch.Message(
                subject: "sitrep.events.\(host)", payload: Array(event.utf8),
                streamSequence: UInt64(index + 1),
                storedAtNanoseconds: 0)
        }
        let batch = SinkBatch(messages: messages, subjectPrefix: "sitrep.events")
        var progress = SinkProgress()
        progress.committed(batch, messages: 2, insertedEvents: 1, insertedMentions: 2)
        progress.committed(batch, messages: 2, insertedEvents: 0, insertedMentions: 0)
        progress.failedBatches = 1
        progress.pending = 12
        metrics.committed(nanoseconds: 3_000_000)
        metrics.committed(nanoseconds: 400_000_000)
        metrics.update(progress, nowSeconds: 2005)
        metrics.update(progress, nowSeconds: 2010)  // nothing new: the counters stay
        let samples = try samples(metrics.registry)
        #expect(value(samples, "sitrep_sink_batches_total", ["outcome": "committed"]) == 2)
        #expect(value(samples, "sitrep_sink_batches_total", ["outcome": "failed"]) == 1)
        #expect(value(samples, "sitrep_sink_messages_total", ["outcome": "event"]) == 4)
        #expect(value(samples, "sitrep_sink_messages_total", ["outcome": "rejected"]) == 0)
        #expect(value(samples, "sitrep_sink_rows_inserted_total", ["table": "events"]) == 1)
        #expect(value(samples, "sitrep_sink_rows_inserted_total", ["table": "mentions"]) == 2)
        #expect(value(samples, "sitrep_sink_duplicates_skipped_total", ["table": "events"]) == 1)
        #expect(value(samples, "sitrep_sink_duplicates_skipped_total", ["table": "mentions"]) == 2)
        #expect(value(samples, "sitrep_sink_consumer_pending_messages") == 12)
        #expect(value(samples, "sitrep_sink_stream_sequence") == 2)
        #expect(value(samples, "sitrep_sink_commit_seconds_count") == 2)
        #expect(value(samples, "sitrep_sink_commit_seconds_bucket", ["le": "0.005"]) == 1)
        #expect(value(samples, "sitrep_sink_commit_seconds_bucket", ["le": "0.5"]) == 2)
        #expect(value(samples, "sitrep_sink_metrics_written_timestamp_seconds") == 2010)
    }
}
