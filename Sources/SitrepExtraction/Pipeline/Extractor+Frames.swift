extension Extractor {
    /// What the frames ask about a sentence, read once for a decision.
    struct FrameFacts {
        var cues: SentenceCues
        var classNames: [String]
        var harm: Bool
        var weapon: Bool
        var armedAttack: Bool
        var armed = false
        var namedActor = false
        /// Asked only by the frames that need it: reading both sides looks at every actor.
        var bothSides: () -> Bool = { false }
        var intent = false
    }

    /// The first frame of frames.tsv that fires for `name`, if any.
    func firstFrame(for name: String, isViolent: Bool, facts: FrameFacts) -> Frame? {
        func holds(_ condition: Frame.Condition) -> Bool {
            switch condition {
            case .cue(let kind): return facts.cues.contains(kind.rawValue)
            case .trigger(let className): return facts.classNames.contains(className)
            case .event(let className): return className == name
            case .harm: return facts.harm
            case .weapon: return facts.weapon
            case .armedAttack: return facts.armedAttack
            case .armed: return facts.armed
            case .namedActor: return facts.namedActor
            case .bothSides: return facts.bothSides()
            case .intent: return facts.intent
            }
        }
        return events.frames.first { frame in
            frame.applies(to: name, isViolent: isViolent) && frame.when.allSatisfy(holds)
                && !frame.unless.contains(where: holds)
        }
    }
}
