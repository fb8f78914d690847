/// Counters shown in `STATUS=` and logged at stop.
public struct IngestStatistics: Sendable, Equatable {
    public var documents = 0
    public var events = 0
    public var failed = 0
    public var streamRecords = 0
    public var lastError: String?

    public init() {}
}
