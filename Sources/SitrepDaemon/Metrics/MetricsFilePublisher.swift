import Logging
import SitrepMetrics

/// Writes metrics files every few seconds for the daemon, the shipper and the sink, and logs a lasting
/// failure twice only: when it starts and when it ends. The next write is seconds away, so a warning per
/// write would flood the journal while a disk stays full.
public struct MetricsFilePublisher: Sendable {
    private var failing = false

    public init() {}

    /// Writes each file in order and stops at the first that fails; the first file names the set in the
    /// recovery notice.
    public mutating func publish(_ writes: [(file: MetricsTextFile, bytes: [UInt8])], logger: Logger) {
        do throws(MetricsFileError) {
            for write in writes { try write.file.write(write.bytes) }
            if failing {
                failing = false
                logger.notice(
                    "metrics file written again", metadata: ["file": "\(writes.first?.file.path ?? "")"])
            }
        } catch {
            if !failing { logger.warning("cannot write metrics", metadata: ["error": "\(error)"]) }
            failing = true
        }
    }
}
