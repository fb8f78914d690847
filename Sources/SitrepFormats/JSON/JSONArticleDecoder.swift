/// JSON articles: one object, or an array of objects (a record set), with the text in one of a few
/// customary fields and metadata in others.
enum JSONArticleDecoder {
    static let textKeys = [
        "text", "content", "body", "article", "description", "full_text", "fulltext", "story", "summary",
        "abstract",
    ]
    static let titleKeys = ["title", "headline"]
    static let urlKeys = ["url", "link", "permalink", "canonical_url"]
    static let publishedKeys = [
        "published", "date", "published_at", "datePublished", "publishedAt", "pubDate", "date_published",
        "publication_date",
    ]
    static let idKeys = ["id", "_id", "guid", "uuid"]
    /// Members that hold the record set when a file wraps its articles in an object.
    static let recordSetKeys = ["articles", "items", "data", "results", "documents", "records", "entries"]

    static func decodeFile(_ bytes: ArraySlice<UInt8>) throws(DecodeError) -> [Document] {
        guard !ByteSearch.trimmed(bytes).isEmpty else { throw DecodeError(.empty, "the file holds no JSON") }
        let value = try JSONParser.parse(bytes)
        switch value {
        case .object:
            do {
                return [try document(from: value)]
            } catch  where error.code == .missingText {
                for key in recordSetKeys {
                    if case .array(let elements)? = value[key], !elements.isEmpty {
                        return try decodeRecordSet(elements)
                    }
                }
                throw error
            }
        case .array(let elements):
            return try decodeRecordSet(elements)
        default:
            throw DecodeError(.notAnObject, "the file holds \(value.kindPhrase), not an object")
        }
    }

    /// One document per usable element; unusable ones become notes on the first document.
    private static func decodeRecordSet(_ elements: [JSONValue]) throws(DecodeError) -> [Document] {
        guard !elements.isEmpty else { throw DecodeError(.empty, "the file holds an empty array") }
        var documents: [Document] = []
        var problems: [String] = []
        var firstError: DecodeError?
        for (index, element) in elements.enumerated() {
            do {
                var document = try document(from: element)
                document.record = index
                documents.append(document)
            } catch {
                problems.append("record \(index): \(error.description)")
                if firstError == nil { firstError = error }
            }
        }
        guard !documents.isEmpty else {
            let first = firstError ?? DecodeError(.missingText, "no usable element")
            throw DecodeError(
                first.code, "no usable element in the array; first: \(problems.first ?? first.message)")
        }
        documents[0].notes.append(contentsOf: problems)
        return documents
    }

    /// The document an article object describes.
    static func document(from value: JSONValue) throws(DecodeError) -> Document {
        guard case .object = value else {
            throw DecodeError(.notAnObject, "\(value.kindPhrase), not an object")
        }
        var notes: [String] = []
        guard let raw = textField(of: value) else {
            let present = textKeys.first { value[$0] != nil }
            let detail =
                present.map { "\"\($0)\" is \(value[$0]?.kindPhrase ?? "a value"), not a string" }
                ?? "no \"text\", \"content\" or \"body\" field"
            throw DecodeError(.missingText, detail)
        }
        let text = markupText(raw, notes: &notes)
        guard !text.isEmpty else { throw DecodeError(.missingText, "the text field is empty") }
        var document = Document(text: text, notes: notes)
        document.title = firstString(of: value, keys: titleKeys).map { markupText($0, notes: &notes) }
            .flatMap { $0.isEmpty ? nil : $0 }
        document.url = firstString(of: value, keys: urlKeys).map { plain($0) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        if let rawDate = firstString(of: value, keys: publishedKeys).map({ plain($0) })
            ?? epochNumber(of: value),
            !rawDate.isEmpty
        {
            document.published = DateNormalizer.normalize(rawDate)
            if document.published == nil { notes.append("unrecognised publication date \"\(rawDate)\"") }
        }
        document.id = identifier(of: value)
        document.notes = notes
        return document
    }

    /// Plain text of a field that may hold HTML, entity-escaped text or plain text.
    static func markupText(_ bytes: [UInt8], notes: inout [String]) -> String {
        let cleaned = TextNormalizer().cleanedBytes(bytes[...], notes: &notes)
        if HTMLConverter.looksLikeHTML(cleaned[...]) {
            return HTMLConverter.convert(cleaned: cleaned, notes: &notes).text
        }
        let decoded = cleaned.contains(UInt8(ascii: "&")) ? HTMLEntities.decodeAll(cleaned[...]) : cleaned
        return TextNormalizer().finish(decoded)
    }

    private static func plain(_ bytes: [UInt8]) -> String {
        var notes: [String] = []
        return TextNormalizer().normalize(bytes, notes: &notes)
    }

    /// A publication date given as a number (Unix seconds or milliseconds), as its text.
    private static func epochNumber(of value: JSONValue) -> String? {
        for key in publishedKeys {
            if case .number(let text)? = value[key] { return text }
        }
        return nil
    }

    private static func textField(of value: JSONValue) -> [UInt8]? {
        for key in textKeys {
            switch value[key] {
            case .string(let bytes)? where !ByteSearch.trimmed(bytes[...]).isEmpty:
                return bytes
            case .object?:
                // WordPress and similar APIs wrap text as {"rendered": "..."}.
                if case .string(let bytes)? = value[key]?["rendered"], !ByteSearch.trimmed(bytes[...]).isEmpty
                {
                    return bytes
                }
            default:
                continue
            }
        }
        return nil
    }

    private static func firstString(of value: JSONValue, keys: [String]) -> [UInt8]? {
        for key in keys {
            if case .string(let bytes)? = value[key], !ByteSearch.trimmed(bytes[...]).isEmpty { return bytes }
            if case .string(let bytes)? = value[key]?["rendered"], !ByteSearch.trimmed(bytes[...]).isEmpty {
                return bytes
            }
        }
        return nil
    }

    private static func identifier(of value: JSONValue) -> String? {
        for key in idKeys {
            switch value[key] {
            case .string(let bytes)?:
                let id = plain(bytes)
                if !id.isEmpty { return id }
            case .number(let text)?:
                return text
            default:
                continue
            }
        }
        return nil
    }
}
