/// Closed-class English grammar the rules read structure with: determiners, pronouns, auxiliaries,
/// prepositions. Open-class words (what counts as a weapon, an actor, an event) live in data files.
enum ClosedClass {
    /// Determiners before a noun for one person: "a girl", "the bomber", "his wife".
    static let singularDeterminers: WordSet = ["a", "an", "the", "his", "her", "its", "one", "another"]
    /// "killing herself and six others": the attacker counted among the dead.
    static let singularReflexives: WordSet = ["himself", "herself"]
    /// Subjects that are one person.
    static let singularPronouns: WordSet = ["he", "she"]
    /// Pronouns that say nobody was hurt ("no one" is "no" then "one").
    static let nobody: WordSet = ["nobody", "none", "noone"]
    /// Auxiliaries that agree with a singular subject: "was killed", "has died".
    static let singularAuxiliaries: WordSet = ["was", "is", "has"]
    /// Auxiliaries that agree with a plural subject.
    static let pluralAuxiliaries: WordSet = ["were", "are", "have"]
    /// Words that end a noun phrase: conjunctions, prepositions, relative words.
    static let phraseEnds: WordSet = [
        "and", "or", "but", "in", "at", "on", "near", "by", "with", "from", "to", "of", "for", "during",
        "after", "before", "when", "while", "who", "which", "that", "as", "into", "outside", "inside",
    ]
    /// Words that end a clause when reading back from a verb to its subject.
    static let clauseStarts: WordSet = [
        "by", "in", "at", "on", "near", "with", "from", "to", "of", "for", "during", "after", "before",
        "when", "while", "who", "which", "that", "as", "into", "but", "or",
    ]
}
