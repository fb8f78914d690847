/// What the decision stage did with one sentence, kept only when an explanation is asked for.
struct DecisionTrace: Sendable {
    /// The trigger hits the sentence offered, as `"word" (class)`.
    var candidates: [String] = []
    /// Rules and frames that shaped the decision, in the order they applied.
    var notes: [String] = []
    /// Why no event came of the sentence, when none did.
    var dropped: String?

    mutating func note(_ text: String) { notes.append(text) }
    mutating func drop(_ reason: String) { dropped = reason }
}

/// How one sentence that held a trigger was decided: for `sitrep extract --explain`.
public struct SentenceExplanation: Sendable, Equatable {
    /// Index of the sentence in the document, from 0.
    public var sentence: Int
    /// The sentence's text, shortened.
    public var text: String
    /// The trigger words found, with their classes.
    public var candidates: [String]
    /// The rules and frames that applied.
    public var rules: [String]
    /// The event made (type, class, ACLED type and sub-type, trigger), or nil.
    public var event: String?
    /// Why no event was made, when none was.
    public var dropped: String?
}
