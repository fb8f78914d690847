import SitrepFormats

/// What the daemon does with a name that appears in the inbox, decided from the name alone.
public enum InboxEntry: Sendable, Equatable {
    /// Read once, when complete, then moved out of the inbox.
    case document(DocumentFormat)
    /// Tailed line by line as it grows; stays in the inbox.
    case stream
    /// Not looked at until renamed: hidden files and names writers use while writing.
    case ignored
    /// Not a format sitrep reads; moved to `failed/` with this reason.
    case unsupported(String)

    public init(name: String) {
        if name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix("~")
            || name.hasSuffix(".swp") || name.hasSuffix(".crdownload")
        {
            self = .ignored
        } else if let format = DocumentFormat(fileName: name) {
            self = format.isStream ? .stream : .document(format)
        } else {
            self = .unsupported(
                "unsupported file type: expected .txt, .md, .html, .htm, .json, .jsonl, .ndjson or .xml")
        }
    }
}
