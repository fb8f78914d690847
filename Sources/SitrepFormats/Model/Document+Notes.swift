extension Document {
    /// The notes as they are reported: each names the record it is about when the document is one
    /// record of a file ("record 3: unrecognised publication date ..."). Notes about other records
    /// (bad lines before this one) already name theirs.
    public var reportedNotes: [String] {
        guard let record else { return notes }
        return notes.map { $0.hasPrefix("record ") ? $0 : "record \(record): \($0)" }
    }

    /// Gives the document a publication date when it has none of its own: `given` (the user's), else
    /// for a plain text or Markdown file its modification time (`modified`, Unix seconds). The source
    /// is recorded, so that the event record says the date is not the document's.
    public mutating func supplyPublished(given: String?, modified: Int64?, format: DocumentFormat) {
        guard published == nil else { return }
        if let given {
            published = given
            publishedSource = .option
        } else if let modified, format == .text || format == .markdown,
            let date = DateNormalizer.rfc3339(epochSeconds: modified)
        {
            // The day only: a modification time is no more precise than that as a publication date.
            published = String(date.prefix(10))
            publishedSource = .fileModified
        }
    }
}
