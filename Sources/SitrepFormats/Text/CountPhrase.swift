/// "1 document", "2 documents": counts in messages agree with their noun.
public enum CountPhrase {
    public static func of(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
