import Testing

@testable import SitrepExtraction

/// Verb triggers match their irregular forms, which the regular suffix rule misses.
struct VerbFormTests {
    @Test(arguments: [
        ("A man stabbed two women outside a mosque in Leeds.", "ASSAULT"),
        ("Government troops repelled the rebels near Goma.", "ASSAULT"),
        ("The government expelled two diplomats on Monday.", "SANCTION"),
    ])
    func irregularFormsOfVerbTriggersAreEvents(text: String, type: String) {
        let events = Shared.events(text)
        #expect(events.contains { $0.type.rawValue == type }, "\(events.map(\.type.rawValue))")
    }

    @Test(arguments: [
        ("stab", ["stab", "stabbed", "stabbing", "stabs"]),
        ("slay", ["slay", "slain", "slaying", "slays", "slew"]),
        ("round up", ["round up", "rounded up", "rounding up", "rounds up"]),
        ("attack", ["attack", "attacks", "attacked", "attacking"]),
    ])
    func formsComeFromTheTableAndTheRuleOtherwise(lemma: String, forms: [String]) {
        let table = [
            "stab": ["stab", "stabbed", "stabbing", "stabs"],
            "slay": ["slay", "slain", "slaying", "slays", "slew"],
        ]
        #expect(Set(EventLexicon.verbForms(lemma, table: table)) == Set(forms))
    }
}
