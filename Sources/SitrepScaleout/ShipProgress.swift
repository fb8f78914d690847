/// What the shipper has done and how far it is behind, at one moment: the source of its `STATUS=`
/// line and its metrics file.
public struct ShipProgress: Sendable, Equatable {
    /// Lines offered to the stream (first publishes).
    public var published = 0
    /// Lines the checkpoint moved past.
    public var acknowledged = 0
    /// Publishes sent again with the same id.
    public var retried = 0
    /// Duplicate acks looked up in the stream, and of those the ones the stream did not hold.
    public var duplicateChecks = 0
    public var duplicatesMissing = 0
    /// Publishes awaiting their ack, and how many may be.
    public var inFlight = 0
    public var windowCapacity = 0
    /// Bytes of the log past the checkpoint.
    public var lagBytes: Int64 = 0
    /// Lines read from the log and not yet acknowledged (the window and the read buffer); lines not
    /// read yet are counted in `lagBytes` only.
    public var lagLines = 0

    public init() {}

    /// The counters of a window, with the lag measured outside it.
    public init(window: ShipperWindow, logSize: Int64, bufferedLines: Int) {
        published = window.published
        acknowledged = window.settledLines
        retried = window.resent
        duplicateChecks = window.duplicateChecks
        duplicatesMissing = window.regenerated
        inFlight = window.inFlight
        windowCapacity = window.capacity
        lagBytes = max(0, logSize - window.checkpoint.offset)
        lagLines = window.inFlight + bufferedLines
    }

    /// Lines acknowledged per second since `earlier`, `milliseconds` before.
    public func acknowledgedPerSecond(since earlier: ShipProgress, milliseconds: Int64) -> Int {
        guard milliseconds > 0 else { return 0 }
        return Int(Int64(max(0, acknowledged - earlier.acknowledged)) * 1000 / milliseconds)
    }

    /// The `STATUS=` text.
    public func status(acknowledgedPerSecond rate: Int) -> String {
        "Shipped \(acknowledged) of \(published) lines, \(rate) lines/s, \(inFlight)/\(windowCapacity) in flight, "
            + "\(lagBytes) bytes (\(lagLines) lines) behind, \(retried) resent, "
            + "\(duplicateChecks) duplicate acks checked, \(duplicatesMissing) re-identified"
    }

    /// The number of complete lines in `bytes`.
    public static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
