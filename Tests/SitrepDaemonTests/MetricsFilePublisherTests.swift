import Foundation
import Logging
import SitrepDaemon
import SitrepMetrics
import Synchronization
import Testing

/// Keeps the messages logged through it, for assertions.
private final class RecordedMessages: Sendable {
    let lines = Mutex<[String]>([])
}

private struct RecordingHandler: LogHandler {
    let recorded: RecordedMessages
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        recorded.lines.withLock { $0.append("\(event.level) \(event.message)") }
    }
}

@Suite struct MetricsFilePublisherTests {
    @Test func aLastingFailureIsLoggedWhenItStartsAndWhenItEnds() throws {
        let directory = TemporaryDirectory()
        let recorded = RecordedMessages()
        let logger = Logger(label: "test") { _ in RecordingHandler(recorded: recorded) }
        let good = MetricsTextFile(path: directory.path + "/metrics.prom")
        let bad = MetricsTextFile(path: directory.path + "/missing/metrics.prom")
        var publisher = MetricsFilePublisher()

        publisher.publish([(good, Array("a 1\n".utf8))], logger: logger)
        publisher.publish([(good, Array("a 2\n".utf8)), (bad, Array("b 1\n".utf8))], logger: logger)
        publisher.publish([(bad, Array("b 2\n".utf8))], logger: logger)
        publisher.publish([(good, Array("a 3\n".utf8))], logger: logger)
        publisher.publish([(good, Array("a 4\n".utf8))], logger: logger)

        #expect(
            recorded.lines.withLock { $0 } == [
                "warning cannot write metrics", "notice metrics file written again",
            ])
        #expect(try String(contentsOfFile: good.path, encoding: .utf8) == "a 4\n")
    }
}
