import SitrepExtraction

/// What a batch read, counted for the metrics; added to them only once the batch is committed, so a
/// batch redone after a failed commit is counted once.
struct EventTally {
    struct Kind: Hashable {
        var type: String
        var acledType: String
    }

    var events: [Kind: Int] = [:]
    var documentsWithEvents = 0
    var documentsWithoutEvents = 0

    mutating func add(document found: [Event]) {
        if found.isEmpty {
            documentsWithoutEvents += 1
        } else {
            documentsWithEvents += 1
        }
        for event in found {
            events[Kind(type: event.type.rawValue, acledType: event.acled?.eventType ?? ""), default: 0] += 1
        }
    }
}
