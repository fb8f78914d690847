/// Extraction given up because the caller's `continuing` check said stop (a time budget ran out).
public struct ExtractionStopped: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stage that was running: actors, triggers or events.
    public var stage: String

    public init(stage: String) { self.stage = stage }

    public var description: String { "extraction stopped during the \(stage) stage" }
}
