import Foundation
import SitrepFormats

/// Turns documents into event records. Built once from data files; extraction itself is pure.
public struct Extractor: Sendable {
    var events: EventLexicon
    var actors: ActorLexicon
    var gazetteer: Gazetteer
    var numbers: NumberReader
    var casualties: PhraseTable<CasualtyWord>
    var splitter: SentenceSplitter
    var commonWords: WordSet
    var defaultYear: Int
    var backgroundDays: Int
    /// For each word that starts a phrase in some lexicon, the lexicons it starts one in (bits).
    var firstWords = KeyTable()
    var firstWordLexicons: [UInt32] = []
    /// Class and id words of page furniture and article bodies, for the HTML decoder.
    public var pageVocabulary = PageVocabulary()
    /// Function words by language, to say which language a document is in.
    var languages = LanguageGuesser()

    /// The built-in data (SwiftPM resources), extended or overridden by the files found in
    /// `dataDirectory` (same names and formats; see docs/data.md). Throws a `DataError` naming the file
    /// and line when a data file is malformed.
    public static func load(dataDirectory: URL? = nil) throws -> Extractor {
        let files = try DataFiles.load(dataDirectory: dataDirectory)
        return try Extractor(files: files)
    }

    init(files: DataFiles) throws(DataError) {
        events = EventLexicon()
        for row in try files.rows("cameo.tsv", minimumColumns: 6) {
            guard let goldstein = Double(row.column(4)), let quad = Int(row.column(5)) else {
                throw DataError(
                    .badValue, context: "cameo.tsv:\(row.line)", "goldstein and quad_class must be numbers")
            }
            events.cameo[row.column(0)] = EventLexicon.CameoCode(goldstein: goldstein, quadClass: quad)
        }
        for row in try files.rows("classes.tsv", minimumColumns: 3) {
            guard let priority = Int(row.column(1)), let type = PLOVERType(rawValue: row.column(2)) else {
                throw DataError(
                    .badValue, context: "classes.tsv:\(row.line)",
                    "priority must be a number and plover one of \(PLOVERType.allCases.map(\.rawValue))")
            }
            func optional(_ s: String) -> String? { s.isEmpty ? nil : s }
            events.classes[row.column(0)] = EventLexicon.EventClass(
                name: row.column(0), priority: priority, type: type, mode: optional(row.column(3)),
                context: row.column(4).split(separator: ";").map { String($0) },
                cameo: optional(row.column(5)),
                acledType: optional(row.column(6)), acledSubType: optional(row.column(7)))
        }
        var verbForms: [String: [String]] = [:]
        for row in try files.rows("verb-forms.tsv", minimumColumns: 2) {
            verbForms[row.column(0).lowercased()] = row.column(1).alternatives.map { $0.lowercased() }
        }
        for row in try files.rows("triggers.tsv", minimumColumns: 3) {
            let className = row.column(1)
            guard events.classes[className] != nil else {
                throw DataError(
                    .badValue, context: "triggers.tsv:\(row.line)", "unknown class \"\(className)\"")
            }
            for phrase in row.column(0).alternatives {
                let forms: [String]
                switch row.column(2) {
                case "v": forms = EventLexicon.verbForms(phrase, table: verbForms)
                case "n": forms = EventLexicon.nounForms(phrase)
                default: forms = [phrase]
                }
                guard
                    let strength = row.column(3).isEmpty
                        ? .normal : EventLexicon.TriggerWord.Strength(rawValue: row.column(3))
                else {
                    throw DataError(
                        .badValue, context: "triggers.tsv:\(row.line)", "strength must be weak or weapon")
                }
                let word = EventLexicon.TriggerWord(className: className, strength: strength)
                for form in forms { events.triggers.insert(form, word) }
            }
        }
        for row in try files.rows("combinations.tsv", minimumColumns: 2) {
            let className = row.column(row.columns.count - 1)
            guard events.classes[className] != nil else {
                throw DataError(
                    .badValue, context: "combinations.tsv:\(row.line)", "unknown class \"\(className)\"")
            }
            let cues = row.columns.dropLast().filter { !$0.isEmpty }
            for cue in cues { try Extractor.checkCue(cue, "combinations.tsv:\(row.line)") }
            events.combinations.append(.init(cues: Array(cues), className: className))
        }
        // Discards (sports, films, disease) are cues like any other, from the coders' lists.
        for name in ["cues.tsv", "discards.tsv"] {
            for row in try files.rows(name, minimumColumns: 2) {
                try Extractor.checkCue(row.column(1), "\(name):\(row.line)")
                for phrase in row.column(0).alternatives {
                    events.cues.insert(phrase, [row.column(1)]) { $0.contains($1[0]) ? $0 : $0 + $1 }
                }
            }
        }
        for row in try files.rows("page-classes.tsv", minimumColumns: 2) {
            guard let kind = PageVocabulary.Kind(rawValue: row.column(1)) else {
                throw DataError(
                    .badValue, context: "page-classes.tsv:\(row.line)",
                    "kind must be one of \(PageVocabulary.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            pageVocabulary.add(row.column(0), kind)
        }
        for row in try files.rows("languages.tsv", minimumColumns: 2) {
            try languages.add(
                language: row.column(0), words: row.column(1), context: "languages.tsv:\(row.line)")
        }
        for row in try files.rows("frames.tsv", minimumColumns: 5) where row.column(0) != "frame" {
            events.frames.append(try Frame.parse(row) { [events] in events.classes[$0] != nil })
        }
        // The class names the decision stage asks about must all be defined.
        for name in Extractor.violentClasses.union(Extractor.weaponOrder) where events.classes[name] == nil {
            throw DataError(
                .badValue, context: "classes.tsv", "class \"\(name)\" is used by the rules but not defined")
        }

        var words: [String: (value: Int, kind: NumberReader.WordKind)] = [:]
        for row in try files.rows("numbers.tsv", minimumColumns: 3) {
            guard let value = Int(row.column(1)), let kind = NumberReader.WordKind(rawValue: row.column(2))
            else {
                throw DataError(
                    .badValue, context: "numbers.tsv:\(row.line)",
                    "expected a number and unit|scale|vague|article")
            }
            words[row.column(0).lowercased()] = (value, kind)
        }
        var modifiers = PhraseTable<Bool>()
        for row in try files.rows("number-modifiers.tsv", minimumColumns: 2) {
            modifiers.insert(row.column(0), row.column(1) == "minimum")
        }
        numbers = NumberReader(words: words, modifiers: modifiers)

        casualties = PhraseTable<CasualtyWord>()
        for row in try files.rows("casualties.tsv", minimumColumns: 3)
            + files.rows("casualty-verbs.tsv", minimumColumns: 3)
        {
            guard let what = CasualtyWord.What(rawValue: row.column(1)),
                let form = CasualtyWord.Form(rawValue: row.column(2))
            else {
                throw DataError(
                    .badValue, context: "casualties.tsv:\(row.line)",
                    "expected killed|injured and verb|state|noun|toll")
            }
            for phrase in row.column(0).alternatives {
                casualties.insert(phrase, CasualtyWord(what: what, form: form))
            }
            // casualty-verbs.tsv: a word that states a death is a trigger too, where none is listed.
            let className = row.column(3)
            guard !className.isEmpty else { continue }
            guard events.classes[className] != nil else {
                throw DataError(
                    .badValue, context: "\(row.file):\(row.line)", "unknown class \"\(className)\"")
            }
            for phrase in row.column(0).alternatives {
                events.triggers.insert(phrase, .init(className: className, strength: .normal)) { old, _ in old
                }
            }
        }

        var abbreviations = WordSet()
        for table in files.tables("abbreviations.txt") {
            for row in table.rows { abbreviations.insert(row.column(0).lowercased()) }
        }
        splitter = SentenceSplitter(abbreviations: abbreviations)
        commonWords = []
        for table in files.tables("common-words.txt") {
            for row in table.rows { commonWords.insert(row.column(0).lowercased()) }
        }

        gazetteer = Gazetteer()
        for source in files.sources("gazetteer.tsv") + files.sources("sites.tsv") {
            try gazetteer.add(text: source.text, table: source.name)
        }

        actors = ActorLexicon()
        for row in try files.rows("countries.tsv", minimumColumns: 2)
            + files.rows("demonyms.tsv", minimumColumns: 3)
        {
            let iso2 = row.column(0)
            let countryName = gazetteer.country(iso2)?.name ?? row.column(1).alternatives.first ?? iso2
            for name in [countryName] + row.column(1).alternatives {
                actors.add(
                    name,
                    .init(
                        kind: .country, name: countryName, country: iso2, sector: nil, needsCapitals: false,
                        activeYears: []))
                gazetteer.addCountryName(name, iso2: iso2)
            }
            for demonym in row.column(2).alternatives {
                actors.add(
                    demonym,
                    .init(
                        kind: .demonym, name: countryName, country: iso2, sector: nil, needsCapitals: false,
                        activeYears: []))
            }
        }
        for place in gazetteer.countryPlaces {
            if actors.table.value(
                forKey: PhraseTable<ActorLexicon.Entry>.key(of: place.name)?.joined ?? "") == nil
            {
                actors.add(
                    place.name,
                    .init(
                        kind: .country, name: place.name, country: place.country, sector: nil,
                        needsCapitals: false, activeYears: []))
            }
        }
        // Sector words of our own first: a generic noun from the coders' lists never replaces them.
        for row in try files.rows("sectors.tsv", minimumColumns: 3)
            + files.rows("agents.tsv", minimumColumns: 3)
        {
            try Extractor.checkSector(row.column(1), "\(row.file):\(row.line)")
            for phrase in row.column(0).alternatives {
                actors.add(
                    phrase,
                    .init(
                        kind: .sector, name: row.column(2), country: nil, sector: row.column(1),
                        needsCapitals: false, activeYears: []))
            }
        }
        for row in try files.rows("organizations.tsv", minimumColumns: 4) {
            try Extractor.checkSector(row.column(3), "organizations.tsv:\(row.line)")
            let country = row.column(2).isEmpty ? nil : row.column(2)
            for phrase in row.column(0).alternatives {
                actors.add(
                    phrase,
                    .init(
                        kind: .organization, name: row.column(1), country: country, sector: row.column(3),
                        needsCapitals: false, activeYears: []))
            }
        }
        for row in try files.rows("people.tsv", minimumColumns: 4) {
            try Extractor.checkSector(row.column(3), "people.tsv:\(row.line)")
            let country = row.column(2).isEmpty ? nil : row.column(2)
            let years = ActorLexicon.years(row.column(4))
            for phrase in row.column(0).alternatives {
                actors.add(
                    phrase,
                    .init(
                        kind: .person, name: row.column(1), country: country, sector: row.column(3),
                        needsCapitals: false, activeYears: years))
            }
        }

        var settings: [String: String] = [:]
        for row in try files.rows("settings.tsv", minimumColumns: 2) {
            settings[row.column(0)] = row.column(1)
        }
        defaultYear = Int(settings["default_year"] ?? "") ?? 2026
        backgroundDays = Int(settings["background_days"] ?? "") ?? 21

        events.triggers.lexiconBit = 1 << 0
        events.cues.lexiconBit = 1 << 1
        casualties.lexiconBit = 1 << 2
        actors.table.lexiconBit = 1 << 3
        // The gazetteer (most of the data) is only asked about capitalised words; marking its
        // hundred thousand first words would cost more start-up time than it saves.
        numbers.modifiers.lexiconBit = 1 << 5
        var firstWords = KeyTable()
        var lexicons: [UInt32] = []
        func mark(_ words: some Sequence<String>, _ bit: UInt32) {
            for word in words {
                let (index, isNew) = firstWords.insert(hash: KeyHash.of(word), bytes: word.utf8)
                if isNew { lexicons.append(0) }
                lexicons[index] |= bit
            }
        }
        mark(events.triggers.firstWords, 1 << 0)
        mark(events.cues.firstWords, 1 << 1)
        mark(casualties.firstWords, 1 << 2)
        mark(actors.table.firstWords, 1 << 3)
        mark(numbers.modifiers.firstWords, 1 << 5)
        for table in [events.triggers.innerWords, events.cues.innerWords, casualties.innerWords] {
            mark(table, PhraseTable<Int>.innerWordBit)
        }
        mark(actors.table.innerWords.union(numbers.modifiers.innerWords), PhraseTable<Int>.innerWordBit)
        self.firstWords = firstWords
        gazetteer.shrinkToFit()
        self.firstWordLexicons = lexicons
    }

    static func checkCue(_ name: String, _ context: String) throws(DataError) {
        guard CueKind(rawValue: name) != nil else {
            throw DataError(
                .badValue, context: context,
                "unknown cue \"\(name)\" (known: \(CueKind.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
    }

    static func checkSector(_ name: String, _ context: String) throws(DataError) {
        guard name.isEmpty || ActorSector(rawValue: name) != nil else {
            throw DataError(
                .badValue, context: context,
                "unknown sector \"\(name)\" (known: \(ActorSector.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
    }

    /// Marks each token with the lexicons that have a phrase starting with it.
    func markLexicons(_ tokens: inout [Token]) {
        for k in tokens.indices {
            guard tokens[k].kind != .punctuation,
                let index = firstWords.index(hash: tokens[k].hash, word: tokens[k].key)
            else {
                tokens[k].lexicons = 0
                continue
            }
            tokens[k].lexicons = firstWordLexicons[index]
        }
    }
}

/// A word that reports casualties.
struct CasualtyWord: Sendable, Equatable {
    enum What: String, Sendable { case killed, injured }
    enum Form: String, Sendable { case verb, state, noun, toll }
    var what: What
    var form: Form
}
