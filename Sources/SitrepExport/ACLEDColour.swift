/// The colour of a dot: one per ACLED event type (the six of the codebook), grey for events ACLED
/// would not code. Colour-blind-safe hues (Okabe–Ito), in the codebook's order.
public enum ACLEDColour {
    public static let types: [(name: String, colour: String)] = [
        ("Battles", "#D55E00"),
        ("Explosions/Remote violence", "#E69F00"),
        ("Violence against civilians", "#CC79A7"),
        ("Protests", "#009E73"),
        ("Riots", "#0072B2"),
        ("Strategic developments", "#56B4E9"),
    ]
    public static let otherName = "Other (not ACLED-coded)"
    public static let other = "#7F7F7F"

    public static func colour(for eventType: String?) -> String {
        guard let eventType else { return other }
        return types.first { $0.name == eventType }?.colour ?? other
    }
}
