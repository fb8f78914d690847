import SitrepScaleout
import Testing

@Suite struct ScaleoutConfigurationTests {
    func resolve(_ file: [(String, String)], environment: [String: String] = [:]) throws(ScaleoutError)
        -> ScaleoutConfiguration
    {
        try ScaleoutConfiguration.resolve(
            file: file.enumerated().map { (key: $1.0, value: $1.1, line: $0 + 1) }, filePath: "f.conf",
            foreignKeys: ["inbox", "settle_ms"], environment: environment, flags: [:])
    }

    @Test func daemonKeysInTheSameFileAreSkipped() throws {
        let configuration = try resolve([("inbox", "/x"), ("settle_ms", "5"), ("stream", "EV")])
        #expect(configuration.stream == "EV")
    }

    @Test func metricsFilesDefaultUnderTheStateDirectoryAndHaveTheirOwnKeys() throws {
        let defaults = try resolve([("state", "/var/lib/sitrep")])
        #expect(defaults.shipMetricsPath == "/var/lib/sitrep/ship-metrics.prom")
        #expect(defaults.sinkMetricsPath == "/var/lib/sitrep/sink-metrics.prom")
        let set = try resolve([("ship_metrics_file", "/m/ship.prom"), ("sink_metrics_file", "/m/sink.prom")])
        #expect(set.shipMetricsPath == "/m/ship.prom")
        #expect(set.sinkMetricsPath == "/m/sink.prom")
    }

    @Test func environmentWinsOverFile() throws {
        let configuration = try resolve([("sink_batch", "10")], environment: ["SITREP_SINK_BATCH": "20"])
        #expect(configuration.sinkBatch == 20)
    }

    @Test func urlsAreSplitOnCommas() throws {
        let configuration = try resolve([("nats_urls", "nats://a:1, tls://b:2")])
        #expect(configuration.natsURLs == ["nats://a:1", "tls://b:2"])
    }

    @Test(arguments: [
        ("nats_urls", "http://x", ScaleoutError.Code.invalidValue),
        ("duplicate_window_s", "60", .invalidValue),
        ("stream", "EV ENTS", .invalidValue),
        ("subject_prefix", "a..b", .invalidValue),
        ("subject_prefix", "a.*", .invalidValue),
        ("database_url", "mysql://x/y", .invalidValue),
        ("database_url", "postgres://u@h:99999/d", .invalidValue),
        ("nats_tls_required", "maybe", .invalidValue),
        ("colour", "blue", .unknownKey),
        ("nats_tls_cert", "/c.pem", .missingValue),
    ])
    func badSettingsAreOneClearError(key: String, value: String, code: ScaleoutError.Code) {
        #expect {
            _ = try resolve([(key, value)])
        } throws: { error in
            guard let error = error as? ScaleoutError else { return false }
            return error.code == code && !error.description.contains("\n")
        }
    }

    @Test func databaseURLIsTakenApart() throws {
        let url = try DatabaseURL("postgres://sink:p%40ss@db.example:6543/events?sslmode=require")
        #expect(url.user == "sink")
        #expect(url.password == "p@ss")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "events")
        #expect(url.sslMode == "require")
        #expect(!url.redacted.contains("p@ss"))
    }

    @Test func subjectIsPrefixAndHost() {
        #expect(ScaleoutConfiguration().subject(host: "h1") == "sitrep.events.h1")
    }
}
