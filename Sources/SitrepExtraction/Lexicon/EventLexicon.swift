/// Trigger words, event classes, refining cues and the CAMEO table: what decides an event's type.
struct EventLexicon: Sendable {
    struct EventClass: Sendable, Equatable {
        var name: String
        var priority: Int
        var type: PLOVERType
        var mode: String?
        var context: [String]
        var cameo: String?
        var acledType: String?
        var acledSubType: String?
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
