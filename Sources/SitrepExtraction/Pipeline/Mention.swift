/// One event as read from one sentence, before mentions of the same event are merged.
struct Mention: Sendable {
    var sentence: Int
    var paragraph: Int
    var eventClass: EventLexicon.EventClass
    var trigger: String
    var date: DateReader.Resolved?
    var location: Location?
    var locationRank: Int = 0
    var casualties = Casualties()
    var quantity: Quantity?
    var source: [Actor] = []
    var target: [Actor] = []
    var confidence: Double
    var isHeadline = false
}

/// Killed and injured counts stated in a sentence.
struct Casualties: Sendable, Equatable {
    var killed: Int?
    var killedMin = false
    var injured: Int?
    var injuredMin = false

    var isEmpty: Bool { killed == nil && injured == nil }

    /// Fills what is missing from another reading of the same event.
    mutating func absorb(_ other: Casualties) {
        if killed == nil || (other.killed ?? 0) > (killed ?? 0) && other.killed != nil {
            if other.killed != nil {
                killed = other.killed
                killedMin = other.killedMin
            }
        }
        if injured == nil || (other.injured ?? 0) > (injured ?? 0) && other.injured != nil {
            if other.injured != nil {
                injured = other.injured
                injuredMin = other.injuredMin
            }
        }
    }
}

/// An actor found in a sentence, with its token range.
struct ActorMention: Sendable {
    var range: Range<Int>
    var actor: Actor
    var isNamed: Bool
}

/// A place found in a sentence, with its token range and how likely it is the event's location.
struct PlaceMention: Sendable {
    var range: Range<Int>
    var location: Location
    var rank: Int
}
