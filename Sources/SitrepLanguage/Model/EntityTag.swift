/// The entity classes of Universal NER.
public enum EntityType: String, Sendable, Hashable, CaseIterable {
    case person = "PER"
    case location = "LOC"
    case organization = "ORG"
    case other = "OTH"
}

/// One token's place in an entity span, in IOB2 (`B-PER`, `I-LOC`, `O`).
public enum EntityTag: Sendable, Hashable {
    case outside
    case begin(EntityType)
    case inside(EntityType)

    /// Reads `O`, `B-PER`, `I-ORG` …; nil for anything else.
    public init?(_ text: some StringProtocol) {
        if text == "O" {
            self = .outside
            return
        }
        guard text.count > 2 else { return nil }
        let prefix = text.prefix(2)
        guard let type = EntityType(rawValue: String(text.dropFirst(2))) else { return nil }
        switch prefix {
        case "B-": self = .begin(type)
        case "I-": self = .inside(type)
        default: return nil
        }
    }

    /// The entity class, nil outside an entity.
    public var type: EntityType? {
        switch self {
        case .outside: nil
        case .begin(let type), .inside(let type): type
        }
    }

    public var text: String {
        switch self {
        case .outside: "O"
        case .begin(let type): "B-" + type.rawValue
        case .inside(let type): "I-" + type.rawValue
        }
    }
}
