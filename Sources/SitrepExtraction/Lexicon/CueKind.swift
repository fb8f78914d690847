/// The kinds of cue the decision stage asks about. A cue row in a data file (cues.tsv, discards.tsv,
/// combinations.tsv) must name one of these: a misspelt kind is a load error, not a cue that silently
/// never fires. See docs/data.md for what each kind means.
enum CueKind: String, CaseIterable, Sendable {
    // Weapons and how an attack was made.
    case air, drone, shelling, explosive, suicide, grenade, chemical, firearm, blade, weapon
    // Who is involved.
    case civilian, state, nonstate, protester, suspect
    // How a protest went.
    case intervene, force, riotous, peaceful
    // Stories that are not political violence, and markets.
    case crime, disaster, nonviolent, market
    /// The coders' discards: sports, films, disease; no event unless a weapon or a casualty is named.
    case discard
    // What makes a violent word a topic, background or something that did not happen.
    case frame, sequence, cancel
    /// Reporting and police procedure: witnesses urged to come forward, a name released, a charge.
    case procedure
    // Ground given up, and the parts of combinations.
    case transfer, disrupt, setup, basenoun, territory, captive, swapverb, halt, aidnoun, expelverb, outof
    case destroy
}
