/// Schema.org metadata in JSON-LD blocks (`<script type="application/ld+json">`), where most news
/// sites state an article's publication date.
enum JSONLinkedData {
    /// Objects looked at, at most: a hostile block costs a bounded amount beyond its parsing.
    static let maximumNodes = 10_000

    /// The first `datePublished` in the value, breadth first (a top-level article before the pages it
    /// links to), through arrays and `@graph`; else the first `dateCreated`.
    static func datePublished(in value: JSONValue) -> (value: String, isCreation: Bool)? {
        var queue: [JSONValue] = [value]
        var head = 0
        var created: String?
        while head < queue.count, head < maximumNodes {
            let node = queue[head]
            head += 1
            switch node {
            case .array(let elements):
                queue.append(contentsOf: elements.prefix(max(0, maximumNodes - queue.count)))
            case .object(let members):
                for member in members {
                    switch (member.key, member.value) {
                    case ("datePublished", .string(let bytes)):
                        let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                        if !text.isEmpty { return (text, false) }
                    case ("dateCreated", .string(let bytes)) where created == nil:
                        let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                        if !text.isEmpty { created = text }
                    case (_, .object), (_, .array):
                        if queue.count < maximumNodes { queue.append(member.value) }
                    default:
                        break
                    }
                }
            default:
                break
            }
        }
        return created.map { ($0, true) }
    }
}
