import Foundation

/// The data files an extractor is built from: built-in resources, extended by a user directory.
/// A user file with the same name adds its rows after the built-in ones (later rows win on conflicts).
struct DataFiles: Sendable {
    static let names = [
        "triggers.tsv", "classes.tsv", "cues.tsv", "combinations.tsv", "cameo.tsv", "numbers.tsv",
        "number-modifiers.tsv",
        "casualties.tsv", "abbreviations.txt", "common-words.txt", "countries.tsv", "sectors.tsv",
        "organizations.tsv", "people.tsv", "gazetteer.tsv", "sites.tsv", "settings.tsv", "verb-forms.tsv",
        "agents.tsv", "casualty-verbs.tsv", "demonyms.tsv", "discards.tsv", "frames.tsv", "page-classes.tsv",
        "languages.tsv",
    ]

    var texts: [String: [String]]

    static func load(dataDirectory: URL?) throws(DataError) -> DataFiles {
        if let dataDirectory { try check(dataDirectory) }
        var texts: [String: [String]] = [:]
        for name in names {
            var parts: [String] = []
            guard
                let url = Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil)
                    ?? Bundle.module.url(forResource: name, withExtension: nil)
            else {
                throw DataError(.missingResource, context: name, "built-in data file not found in the bundle")
            }
            parts.append(try read(url, name: name))
            if let dataDirectory {
                let user = dataDirectory.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: user.path) {
                    parts.append(try read(user, name: user.path))
                }
            }
            texts[name] = parts
        }
        return DataFiles(texts: texts)
    }

    /// A data directory must exist, be a directory, and hold no table under a name sitrep does not
    /// read: a misspelt file would otherwise be ignored without a word.
    static func check(_ directory: URL) throws(DataError) {
        let path = directory.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(.missingDirectory, context: path, "no such data directory")
        }
        guard isDirectory.boolValue else {
            throw DataError(.missingDirectory, context: path, "is a file, not a data directory")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw DataError(.unreadable, context: path, "cannot list the data directory")
        }
        for entry in entries.sorted()
        where !entry.hasPrefix(".") && (entry.hasSuffix(".tsv") || entry.hasSuffix(".txt"))
            && !names.contains(entry)
        {
            throw DataError(
                .unknownFile, context: directory.appendingPathComponent(entry).path,
                "not a data file sitrep reads; the names are \(names.joined(separator: ", "))")
        }
    }

    private static func read(_ url: URL, name: String) throws(DataError) -> String {
        do {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw DataError(.unreadable, context: name, "not valid UTF-8")
            }
            return text
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError(.unreadable, context: name, "\(error.localizedDescription)")
        }
    }

    /// All tables for a file name: the built-in one first, then the user's.
    func tables(_ name: String) -> [DataTable] {
        sources(name).map { DataTable(name: $0.name, text: $0.text) }
    }

    /// The texts of a file name, each with the name errors give it: the built-in one, then the user's.
    func sources(_ name: String) -> [(name: String, text: String)] {
        (texts[name] ?? []).enumerated().map { index, text in
            (index == 0 ? name : "\(name) (user)", text)
        }
    }

    func rows(_ name: String, minimumColumns: Int) throws(DataError) -> [DataTable.Row] {
        var all: [DataTable.Row] = []
        for table in tables(name) {
            all.append(contentsOf: try table.rows(minimumColumns: minimumColumns))
        }
        return all
    }
}
