/// The sectors an actor can belong to. A sector column in a data file (sectors.tsv, agents.tsv,
/// organizations.tsv, people.tsv) must name one of these: a misspelt sector is a load error.
enum ActorSector: String, CaseIterable, Sendable {
    /// Government, military, police, rebels and other non-state armed groups, civilians.
    case government = "GOV", military = "MIL", police = "COP", rebels = "REB", civilians = "CVL"
    /// Opposition, judiciary, political parties, criminals, non-governmental and intergovernmental
    /// organisations.
    case opposition = "OPP", judiciary = "JUD", party = "PTY", criminals = "CRM", ngo = "NGO"
    case igo = "IGO"
}
