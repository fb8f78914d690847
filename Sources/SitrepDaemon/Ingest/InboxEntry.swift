import SitrepFormats

/// What the daemon does with a name that appears in the inbox, decided from the name alone.
public enum InboxEntry: Sendable, Equatable {
    /// Read once, when complete, then moved out of the inbox.
    case document(DocumentFormat)
    /// Tailed line by line as it grows; stays in the inbox.
    case stream
    /// A stream renamed by log rotation (`wire.jsonl.1`, `wire.jsonl-20260101`): its unread tail is
    /// finished when it was being read under its old name; never read from the start.
    case rotatedStream
    /// Not looked at until renamed: hidden files and names writers use while writing.
    case ignored
    /// Not a format sitrep reads; moved to `failed/` with this reason.
    case unsupported(String)

    public init(name: String) {
        if name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix("~")
            || name.hasSuffix(".swp") || name.hasSuffix(".crdownload")
        {
            self = .ignored
        } else if Self.isRotatedStream(name) {
            self = .rotatedStream
        } else if let format = DocumentFormat(fileName: name) {
            self = format.isStream ? .stream : .document(format)
        } else {
            self = .unsupported(
                "unsupported file type: expected .txt, .md, .html, .htm, .json, .jsonl, .ndjson or .xml")
        }
    }

    private static func isRotatedStream(_ name: String) -> Bool {
        let lower = name.lowercased()
        for suffix in [".jsonl", ".ndjson"] {
            if let range = lower.range(of: suffix + "."), range.lowerBound > lower.startIndex { return true }
            if let range = lower.range(of: suffix + "-"), range.lowerBound > lower.startIndex { return true }
        }
        return false
    }
}
