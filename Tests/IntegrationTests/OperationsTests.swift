import Foundation
import SitrepMetrics
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What an operator sees: the metrics file and `sitrep status`, from a real daemon.
@Suite(.serialized)
struct OperationsTests {
    func samples(_ path: String) throws -> [PrometheusSample] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try #require(PrometheusSample.parse(text), "not Prometheus text:\n\(text)")
    }

    func value(_ samples: [PrometheusSample], _ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    @Test func metricsAndStatusAfterKnownInput() throws {
        let sandbox = Sandbox()
        let metricsPath = sandbox.root + "/metrics.prom"
        let started = Date().timeIntervalSince1970
        let daemon = try DaemonProcess(sandbox, arguments: ["--metrics-file", metricsPath])
        #expect(daemon.waitUntilReady())
        sandbox.drop("attack.txt", Fixtures.attack)
        sandbox.drop("bombing.md", Fixtures.bombing)
        sandbox.drop("notes.xyz", "not an article")
        #expect(sandbox.eventually { sandbox.names(in: sandbox.state + "/processed").count == 2 })
        #expect(sandbox.eventually { sandbox.names(in: sandbox.state + "/failed").count == 2 })
        let logged = sandbox.events
        #expect(!logged.isEmpty)

        // Running: status in both forms.
        let paths = ["--state", sandbox.state, "--log", sandbox.log, "--inbox", sandbox.inbox]
        #expect(sandbox.eventually(timeout: 10) {
            (try? SitrepRun(["status", "--json"] + paths))
                .flatMap { try? JSONSerialization.jsonObject(with: Data($0.standardOutput.utf8)) as? [String: Any] }
                .map { ($0["today"] as? [String: Any])?["documents"] as? Int == 2 } ?? false
        })
        let json = try SitrepRun(["status", "--json"] + paths)
        #expect(json.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(report["running"] as? Bool == true)
        #expect(report["pid"] as? Int == Int(daemon.pid))
        #expect(report["backlog"] as? Int == 0)
        let today = try #require(report["today"] as? [String: Any])
        #expect(today["events"] as? Int == logged.count)
        #expect(today["failed"] as? Int == 1)
        let failures = try #require(report["failures"] as? [String: Any])
        #expect(failures["total"] as? Int == 1)
        let recent = try #require(failures["recent"] as? [[String: Any]])
        #expect(recent.first?["file"] as? String == "notes.xyz")
        #expect((recent.first?["reason"] as? String)?.contains("unsupported file type") == true)
        let last = try #require(report["last_event"] as? [String: Any])
        #expect(last["id"] as? String == logged.last?["id"] as? String)
        #expect((report["status"] as? String)?.contains("2 documents") == true)
        #expect((report["paths"] as? [String: Any])?["metrics"] as? String == metricsPath)

        let text = try SitrepRun(["status"] + paths)
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("sitrep: running (pid \(daemon.pid)), since "))
        #expect(text.standardOutput.contains("today ("))
        #expect(text.standardOutput.contains("2 documents, \(logged.count) events, 1 failed"))
        #expect(text.standardOutput.contains("notes.xyz: unsupported file type"))
        #expect(text.standardOutput.contains("  log: \(sandbox.log) ("))

        // Stopped: the file written at stop has the final values.
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let metrics = try samples(metricsPath)
        #expect(value(metrics, "sitrep_documents_total", ["outcome": "events"]) == 2)
        #expect(value(metrics, "sitrep_documents_total", ["outcome": "failed"]) == 1)
        #expect(value(metrics, "sitrep_failures_total", ["reason": "unsupported"]) == 1)
        var byKind: [[String: String]: Double] = [:]
        for event in logged {
            let acled = (event["acled"] as? [String: Any])?["event_type"] as? String ?? ""
            byKind[["type": event["type"] as! String, "acled_type": acled], default: 0] += 1
        }
        for (labels, count) in byKind {
            #expect(value(metrics, "sitrep_events_total", labels) == count, "\(labels)")
        }
        let eventSeries = metrics.filter { $0.name == "sitrep_events_total" }
        #expect(eventSeries.map(\.value).reduce(0, +) == Double(logged.count))
        #expect(value(metrics, "sitrep_extraction_seconds_count") == 2)
        let bytes = Double(Fixtures.attack.utf8.count + Fixtures.bombing.utf8.count)
        #expect(value(metrics, "sitrep_read_bytes_total") == bytes)
        #expect(value(metrics, "sitrep_backlog_documents") == 0)
        let logSize = try FileManager.default.attributesOfItem(atPath: sandbox.log)[.size] as? Int
        #expect(value(metrics, "sitrep_log_size_bytes") == logSize.map(Double.init))
        let lastEvent = try #require(value(metrics, "sitrep_last_event_timestamp_seconds"))
        #expect(lastEvent >= started.rounded(.down) && lastEvent <= Date().timeIntervalSince1970)
        #expect(value(metrics, "sitrep_checkpoint_lag_seconds") == 0)
        #expect(!FileManager.default.fileExists(atPath: metricsPath + ".tmp"))

        let stopped = try SitrepRun(["status", "--json"] + paths)
        #expect(stopped.status == 3)
        let after = try #require(try JSONSerialization.jsonObject(with: Data(stopped.standardOutput.utf8)) as? [String: Any])
        #expect(after["running"] as? Bool == false)
        #expect((after["status"] as? String)?.hasPrefix("Stopping") == true)
        #expect((after["today"] as? [String: Any])?["documents"] as? Int == 2)
    }

    @Test func metricsGoUnderTheStateDirectoryByDefaultAndAreRewritten() throws {
        let sandbox = Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitUntilReady())
        let path = sandbox.state + "/metrics.prom"
        #expect(sandbox.eventually(timeout: 5) { FileManager.default.fileExists(atPath: path) })
        let first = try #require(value(try samples(path), "sitrep_metrics_written_timestamp_seconds"))
        #expect(sandbox.eventually(timeout: 12) {
            (try? samples(path)).flatMap { value($0, "sitrep_metrics_written_timestamp_seconds") }.map { $0 > first } ?? false
        })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func statusOfADirectoryNoDaemonUsedSaysNotRunning() throws {
        let sandbox = Sandbox()
        let run = try SitrepRun(["status", "--state", sandbox.state, "--log", sandbox.log, "--inbox", sandbox.inbox])
        #expect(run.status == 3)
        #expect(run.standardOutput.hasPrefix("sitrep: not running"))
        #expect(run.standardOutput.contains("last event: none"))
        #expect(run.standardError.isEmpty)
    }

    @Test func aHeldLockMeansRunningWithItsPidAndStart() throws {
        let sandbox = Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.state, withIntermediateDirectories: true)
        let lockPath = sandbox.state + "/lock"
        try "pid=4242\nstarted=2026-01-02T03:04:05Z\n".write(toFile: lockPath, atomically: false, encoding: .utf8)
        let fd = open(lockPath, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        let held = try SitrepRun(["status", "--json", "--state", sandbox.state, "--log", sandbox.log])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(held.standardOutput.utf8)) as? [String: Any])
        #expect(held.status == 0)
        #expect(report["running"] as? Bool == true && report["evidence"] as? String == "lock")
        #expect(report["pid"] as? Int == 4242 && report["since"] as? String == "2026-01-02T03:04:05Z")
        flock(fd, LOCK_UN)
        let free = try SitrepRun(["status", "--json", "--state", sandbox.state, "--log", sandbox.log])
        #expect(free.status == 3)
    }
}
