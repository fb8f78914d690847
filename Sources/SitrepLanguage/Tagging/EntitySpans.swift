/// Entity spans of an IOB2 sequence, for scoring: (first word, end, class) of each span.
public enum EntitySpans {
    public struct Span: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var type: EntityType
    }

    public static func spans(_ tags: [EntityTag]) -> Set<Span> {
        var result: Set<Span> = []
        var open: (Int, EntityType)?
        for (i, tag) in tags.enumerated() {
            switch tag {
            case .outside:
                if let (s, t) = open { result.insert(Span(start: s, end: i, type: t)) }
                open = nil
            case .begin(let type):
                if let (s, t) = open { result.insert(Span(start: s, end: i, type: t)) }
                open = (i, type)
            case .inside(let type):
                if let (_, t) = open, t == type { continue }
                if let (s, t) = open { result.insert(Span(start: s, end: i, type: t)) }
                open = (i, type)
            }
        }
        if let (s, t) = open { result.insert(Span(start: s, end: tags.count, type: t)) }
        return result
    }
}
