import Foundation
import SitrepMetrics
import Testing

@Suite struct MetricsExpositionTests {
    @Test func countersGaugesAndTimersAreWrittenInTheTextFormatWithTheirValues() throws {
        let metrics = MetricsRegistry(timerBuckets: [.extractionSeconds: [.milliseconds(1), .seconds(1)]])
        metrics.counter(.events, [(.type, "ASSAULT"), (.acledType, "Battles")]).increment(by: 3)
        metrics.counter(.events, [(.type, "PROTEST"), (.acledType, "Protests")]).increment()
        metrics.counter(.events, [(.type, "ASSAULT"), (.acledType, "Battles")]).increment()
        metrics.gauge(.backlog).record(7)
        metrics.timer(.extractionSeconds).recordMilliseconds(5)
        metrics.timer(.extractionSeconds).recordNanoseconds(200_000)

        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        let samples = try #require(PrometheusSample.parse(text))
        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            samples.first { $0.name == name && $0.labels == labels }?.value
        }
        #expect(value("sitrep_events_total", ["type": "ASSAULT", "acled_type": "Battles"]) == 4)
        #expect(value("sitrep_events_total", ["type": "PROTEST", "acled_type": "Protests"]) == 1)
        #expect(value("sitrep_backlog_documents") == 7)
        #expect(value("sitrep_extraction_seconds_count") == 2)
        #expect(value("sitrep_extraction_seconds_bucket", ["le": "0.001"]) == 1)
        #expect(value("sitrep_extraction_seconds_bucket", ["le": "1.0"]) == 2)
        #expect(value("sitrep_extraction_seconds_bucket", ["le": "+Inf"]) == 2)
        #expect(text.contains("# TYPE sitrep_events_total counter"))
    }

    @Test func theTextFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = MetricsTextFile(path: directory.path + "/metrics.prom")
        try file.write(Array("a 1\n".utf8))
        try file.write(Array("b 2\n".utf8))
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "b 2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["metrics.prom"])
    }

    @Test func aMissingDirectoryIsATypedError() {
        let file = MetricsTextFile(path: "/nonexistent-sitrep-dir/metrics.prom")
        #expect(throws: MetricsFileError.self) { try file.write([]) }
    }

    @Test(arguments: [
        ("sitrep_documents_total", true), ("sitrep:ratio", true), ("_x", true), ("9lives", false),
        ("with space", false), ("dash-ed", false), ("", false),
    ])
    func metricNamesFollowTheTextFormatRule(name: String, valid: Bool) {
        #expect(MetricName.isValid(name) == valid)
    }

    @Test func malformedLinesAreRejectedByTheParser() {
        #expect(PrometheusSample.parse("metric{a=\"1\" 2\n") == nil)
        #expect(PrometheusSample.parse("metric one\n") == nil)
        #expect(PrometheusSample.parse("metric{a=\"x,y\"} 2\n")?.first?.labels == ["a": "x,y"])
    }
}
