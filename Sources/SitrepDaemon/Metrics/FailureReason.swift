/// The reason code of a failure, as a metric label: a closed set, so that the text of a reason (which
/// names files and sizes) never becomes a label value.
public enum FailureReason: String, Sendable, CaseIterable {
    case unsupported
    case notRegular = "not_regular"
    case symbolicLink = "symbolic_link"
    case hardLink = "hard_link"
    case tooLarge = "too_large"
    case lineTooLong = "line_too_long"
    case unreadable
    case decode
    case commit
    case other

    /// The code of a reason text as written to a `.reason` file; the texts come from
    /// `FileReader.Refusal`, `InboxEntry` and the decoders.
    public init(describing reason: String) {
        let text = reason.lowercased()
        func has(_ part: String) -> Bool { text.contains(part) }
        if has("symbolic link") {
            self = .symbolicLink
        } else if has("not a regular file") {
            self = .notRegular
        } else if has("hard link") {
            self = .hardLink
        } else if has("longer than max_line_bytes") {
            self = .lineTooLong
        } else if has("larger than") || has("too large") || has("max_file_bytes") {
            self = .tooLarge
        } else if has("unreadable") {
            self = .unreadable
        } else if has("unsupported file type") {
            self = .unsupported
        } else if has("cannot decode") || has("json") || has("utf-8") || has("invalid") || has("expected") {
            self = .decode
        } else {
            self = .other
        }
    }
}
