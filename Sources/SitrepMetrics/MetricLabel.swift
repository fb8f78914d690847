/// A label name used by sitrep's metrics. Labels are a closed set so that a typo cannot create a new
/// series; their values must come from closed sets too (outcomes, event types, reason codes), never
/// from input text, so that the number of series stays bounded.
public enum MetricLabel: String, Sendable, CaseIterable {
    case outcome
    case type
    case acledType = "acled_type"
    case reason
    case table
}
