/// A declarative rule of the decision stage, read from frames.tsv: for the event classes it names,
/// when all its conditions hold and none of its exceptions does, it drops the candidate event or
/// turns it into another class. Frames are tried in file order; the first that fires decides, so a
/// user file can add frames but the order of the built-in ones is the order they are written in.
struct Frame: Sendable, Equatable {
    /// What a frame's condition asks about a sentence. Names are checked at load.
    enum Condition: Sendable, Equatable {
        /// The sentence (or its paragraph, for story kinds) has a cue of this kind.
        case cue(CueKind)
        /// Some trigger of the sentence is of this class.
        case trigger(String)
        /// The class being decided is this one.
        case event(String)
        /// Someone was killed or injured.
        case harm
        /// A weapon accidents and disasters do not have is named (explosives, aircraft, firearms …).
        case weapon
        /// A plainly violent attack word with an armed actor.
        case armedAttack
        /// An armed actor (state forces, rebels) or an armed cue is named.
        case armed
        /// A named actor (a country, an organisation, a person) is in the sentence.
        case namedActor
        /// State forces and non-state armed men are both in the fight.
        case bothSides
        /// A modal or a word of intent stands just before the trigger ("would retaliate", "vowed to
        /// attack"): the act is announced, not done.
        case intent
    }

    enum Effect: Sendable, Equatable {
        case drop
        case become(String)
    }

    var name: String
    /// Event classes the frame applies to; empty with `appliesToViolent` for every violent class.
    var classes: [String]
    var appliesToViolent: Bool
    /// "any": every class, violent or not.
    var appliesToAll = false
    var when: [Condition]
    var unless: [Condition]
    var effect: Effect
    /// Why, in words, for `sitrep extract --explain`.
    var why: String

    func applies(to eventClass: String, isViolent: Bool) -> Bool {
        appliesToAll || appliesToViolent && isViolent || classes.contains(eventClass)
    }

    /// Parses one frames.tsv row: frame, classes, when, unless, effect, why.
    static func parse(
        _ row: DataTable.Row, classExists: (String) -> Bool
    ) throws(DataError) -> Frame {
        let context = "\(row.file):\(row.line)"
        func condition(_ text: String) throws(DataError) -> Condition {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            switch (parts.first ?? "", parts.count) {
            case ("harm", 1): return .harm
            case ("weapon", 1): return .weapon
            case ("armed-attack", 1): return .armedAttack
            case ("armed", 1): return .armed
            case ("named-actor", 1): return .namedActor
            case ("both-sides", 1): return .bothSides
            case ("intent", 1): return .intent
            case ("cue", 2):
                guard let kind = CueKind(rawValue: parts[1]) else {
                    throw DataError(.badValue, context: context, "unknown cue \"\(parts[1])\"")
                }
                return .cue(kind)
            case ("trigger", 2), ("event", 2):
                guard classExists(parts[1]) else {
                    throw DataError(.badValue, context: context, "unknown class \"\(parts[1])\"")
                }
                return parts[0] == "trigger" ? .trigger(parts[1]) : .event(parts[1])
            default:
                throw DataError(
                    .badValue, context: context,
                    "unknown condition \"\(text)\" (cue:KIND, trigger:CLASS, event:CLASS, harm, weapon, armed-attack, armed, named-actor, both-sides, intent)")
            }
        }
        var classes: [String] = []
        var violent = false
        var anyClass = false
        for name in row.column(1).alternatives {
            if name == "violent" {
                violent = true
            } else if name == "any" {
                classes = []
                violent = true
                anyClass = true
            } else if classExists(name) {
                classes.append(name)
            } else {
                throw DataError(.badValue, context: context, "unknown class \"\(name)\"")
            }
        }
        var when: [Condition] = []
        for part in row.column(2).split(separator: "+") { when.append(try condition(String(part))) }
        var unless: [Condition] = []
        for part in row.column(3).alternatives { unless.append(try condition(part)) }
        let effectText = row.column(4)
        let effect: Effect
        if effectText == "drop" {
            effect = .drop
        } else if classExists(effectText) {
            effect = .become(effectText)
        } else {
            throw DataError(.badValue, context: context, "effect must be drop or a class, not \"\(effectText)\"")
        }
        return Frame(
            name: row.column(0), classes: classes, appliesToViolent: violent, appliesToAll: anyClass, when: when,
            unless: unless,
            effect: effect, why: row.column(5))
    }
}
