/// Trigger words, event classes, refining cues and the CAMEO table: what decides an event's type.
struct EventLexicon: Sendable {
    /// A kind of event and its codes in every scheme. Trigger hits, mentions and events each carry
    /// one, and copy it often: the fields live in one shared, immutable box, so a copy is one retain
    /// rather than one per string, and a changed copy gets a box of its own.
    struct EventClass: Sendable, Equatable {
        private final class Fields: Sendable {
            let name: String
            let priority: Int
            let type: PLOVERType
            let mode: String?
            let context: [String]
            let cameo: String?
            let acledType: String?
            let acledSubType: String?
            /// One of the classes of violence (`Extractor.violentClasses`), asked about often.
            let isViolent: Bool

            init(
                name: String, priority: Int, type: PLOVERType, mode: String?, context: [String],
                cameo: String?, acledType: String?, acledSubType: String?
            ) {
                self.name = name
                self.priority = priority
                self.type = type
                self.mode = mode
                self.context = context
                self.cameo = cameo
                self.acledType = acledType
                self.acledSubType = acledSubType
                isViolent = Extractor.violentClasses.contains(name)
            }
        }

        private var fields: Fields

        init(
            name: String, priority: Int, type: PLOVERType, mode: String?, context: [String], cameo: String?,
            acledType: String?, acledSubType: String?
        ) {
            fields = Fields(
                name: name, priority: priority, type: type, mode: mode, context: context, cameo: cameo,
                acledType: acledType, acledSubType: acledSubType)
        }

        var name: String { fields.name }
        var priority: Int { fields.priority }
        var type: PLOVERType { fields.type }
        var context: [String] { fields.context }
        var cameo: String? { fields.cameo }
        var isViolent: Bool { fields.isViolent }

        var mode: String? {
            get { fields.mode }
            set { self = changed(mode: newValue) }
        }

        var acledType: String? {
            get { fields.acledType }
            set { self = changed(acledType: newValue) }
        }

        var acledSubType: String? {
            get { fields.acledSubType }
            set { self = changed(acledSubType: newValue) }
        }

        private func changed(
            mode: String?? = nil, acledType: String?? = nil, acledSubType: String?? = nil
        ) -> EventClass {
            EventClass(
                name: name, priority: priority, type: type, mode: mode ?? self.mode, context: context,
                cameo: cameo, acledType: acledType ?? self.acledType,
                acledSubType: acledSubType ?? self.acledSubType)
        }

        static func == (a: EventClass, b: EventClass) -> Bool {
            a.fields === b.fields
                || (a.name == b.name && a.priority == b.priority && a.type == b.type && a.mode == b.mode
                    && a.context == b.context && a.cameo == b.cameo && a.acledType == b.acledType
                    && a.acledSubType == b.acledSubType)
        }
    }

    struct CameoCode: Sendable, Equatable {
        var goldstein: Double
        var quadClass: Int
    }

    /// A word that signals an event. A weak one ("hit", "battle", "targeted") only counts when the
    /// sentence also names a weapon, an armed actor or a plainly violent act; a weapon's name ("grenades")
    /// is no event when the sentence tells of the weapon being found, seized or defused.
    struct TriggerWord: Sendable, Equatable {
        enum Strength: String, Sendable { case normal, weak, weapon }
        var className: String
        var strength: Strength
    }

    /// Cue kinds that, found together in a sentence, report an event of a class: "seized" with
    /// "rifles" is disrupted weapons use, "set up" with "observation post" a base.
    struct Combination: Sendable, Equatable {
        var cues: [String]
        var className: String
    }

    var classes: [String: EventClass] = [:]
    var triggers = PhraseTable<TriggerWord>()
    var combinations: [Combination] = []
    var cues = PhraseTable<[String]>()
    var cameo: [String: CameoCode] = [:]
    /// The declarative rules of the decision stage, in file order (frames.tsv).
    var frames: [Frame] = []

    /// The inflections of a verb lemma: from `table` (verb-forms.tsv) where it lists the lemma
    /// (stab -> stabbed, slay -> slew, slain), else by the regular rule (attack -> attacked). In a
    /// phrase the first word is the verb ("round up" -> "rounded up").
    static func verbForms(_ lemma: String, table: [String: [String]]) -> [String] {
        if let space = lemma.firstIndex(of: " ") {
            let rest = lemma[space...]
            return verbForms(String(lemma[..<space]), table: table).map { $0 + rest }
        }
        return table[lemma] ?? verbForms(lemma)
    }

    /// Regular English inflections of a verb lemma (attack -> attacks, attacked, attacking).
    static func verbForms(_ lemma: String) -> [String] {
        guard !lemma.contains(" "), let last = lemma.last else { return [lemma] }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if last == "e" {
            let stem = String(lemma.dropLast())
            return [lemma, lemma + "s", lemma + "d", stem + "ing"]
        }
        if last == "y", let before = lemma.dropLast().last, !vowels.contains(before) {
            let stem = String(lemma.dropLast())
            return [lemma, stem + "ies", stem + "ied", lemma + "ing"]
        }
        let sibilant =
            lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x")
        return [lemma, lemma + (sibilant ? "es" : "s"), lemma + "ed", lemma + "ing"]
    }

    static func nounForms(_ noun: String) -> [String] {
        if noun.hasSuffix("s") { return [noun] }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
            return [noun, String(noun.dropLast()) + "ies"]
        }
        return [
            noun, noun + (noun.hasSuffix("sh") || noun.hasSuffix("ch") || noun.hasSuffix("x") ? "es" : "s"),
        ]
    }

    func eventClass(_ name: String) -> EventClass? { classes[name] }
}
