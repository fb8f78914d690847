/// One article or record, reduced to normalised plain text plus the metadata its source carried.
public struct Document: Sendable, Equatable {
    /// Normalised plain text: NFC, entities decoded, mojibake repaired, markup removed.
    public var text: String
    /// The input record's own id, when it carries one.
    public var id: String?
    public var title: String?
    public var url: String?
    /// "YYYY-MM-DD" or RFC 3339.
    public var published: String?
    /// Where `published` came from when not from the document itself.
    public var publishedSource: PublishedSource?
    /// Relative to the inbox; set by the caller, never by decoders.
    public var path: String?
    /// 0-based record number inside a multi-record file (jsonl lines, feed items).
    public var record: Int?
    /// Byte offset of the record in its file.
    public var offset: Int?
    /// Decoding remarks, e.g. "invalid UTF-8 decoded lossily".
    public var notes: [String]

    public init(
        text: String, id: String? = nil, title: String? = nil, url: String? = nil,
        published: String? = nil, path: String? = nil, record: Int? = nil, offset: Int? = nil,
        notes: [String] = []
    ) {
        self.text = text
        self.id = id
        self.title = title
        self.url = url
        self.published = published
        self.path = path
        self.record = record
        self.offset = offset
        self.notes = notes
    }
}

/// Where a document's publication date came from, when the document itself did not say it.
public enum PublishedSource: String, Sendable, Equatable {
    /// Given by the user (`sitrep extract --published`).
    case option
    /// The file's modification time, for a plain file without a date of its own.
    case fileModified = "file_mtime"
}
