/// Greedy averaged-perceptron IOB2 tagger for PER, LOC, ORG and OTH, with word shape, part of
/// speech and gazetteer features. The model file holds the weights and the gazetteer.
public struct EntityTagger: Sendable {
    public let model: Perceptron
    public let gazetteer: NameGazetteer
    let tags: [EntityTag]

    static let magic: [UInt8] = Array("SLNE".utf8)

    public init(model: Perceptron, gazetteer: NameGazetteer) throws(LanguageModelError) {
        var tags: [EntityTag] = []
        for label in model.labels {
            guard let tag = EntityTag(label) else { throw LanguageModelError(.badModel, "entity label '\(label)'") }
            tags.append(tag)
        }
        self.model = model
        self.gazetteer = gazetteer
        self.tags = tags
    }

    public static var labels: [String] {
        ["O"] + EntityType.allCases.flatMap { ["B-" + $0.rawValue, "I-" + $0.rawValue] }
    }

    public func serialized() -> [UInt8] {
        var out = ByteWriter()
        out.bytes(Self.magic)
        gazetteer.serialized(into: &out)
        out.bytes(model.serialized())
        return out.data
    }

    public init(serialized data: [UInt8]) throws(LanguageModelError) {
        var input = ByteReader(data)
        guard try input.bytes(4) == Self.magic else { throw LanguageModelError(.badModel, "not an entity model") }
        let gazetteer = try NameGazetteer(reading: &input)
        let model = try Perceptron(serialized: Array(data[input.offset...]))
        try self.init(model: model, gazetteer: gazetteer)
    }

    /// Per-word context the features need: word hashes, gazetteer bits, UPOS hashes.
    public struct Context: Sendable {
        public var words: [WordFeatures]
        public var names: [UInt8]
        public var tags: [UInt64]
        public init(words: [WordFeatures], names: [UInt8], tags: [UInt64]) {
            self.words = words
            self.names = names
            self.tags = tags
        }
    }

    public func context(words: [WordFeatures], upos: [String]) -> Context {
        Context(
            words: words, names: words.map { gazetteer.bits(lowerHash: $0.lower) },
            tags: upos.map { FeatureHash.bytes($0.utf8) })
    }

    @inline(__always)
    public static func features(_ c: Context, _ i: Int, _ previous: Int, _ previous2: Int, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let n = c.words.count
        let w = c.words[i]
        let p1 = i > 0 ? c.words[i - 1] : .boundary
        let n1 = i + 1 < n ? c.words[i + 1] : .boundary
        let g = UInt64(c.names[i])
        let gp = i > 0 ? UInt64(c.names[i - 1]) : 256
        let gn = i + 1 < n ? UInt64(c.names[i + 1]) : 256
        let t = c.tags[i]
        let tp = i > 0 ? c.tags[i - 1] : 7
        let tn = i + 1 < n ? c.tags[i + 1] : 7
        let y1 = UInt64(bitPattern: Int64(previous))
        let y2 = UInt64(bitPattern: Int64(previous2))
        out.append(FeatureHash.combine(101, 0))
        out.append(FeatureHash.combine(102, w.lower))
        out.append(FeatureHash.combine(103, w.suffix3))
        out.append(FeatureHash.combine(104, w.suffix2))
        out.append(FeatureHash.combine(105, w.prefix2))
        out.append(FeatureHash.combine(106, w.shape))
        out.append(FeatureHash.combine(107, w.flags))
        out.append(FeatureHash.combine(108, y1))
        out.append(FeatureHash.combine(109, y1, y2))
        out.append(FeatureHash.combine(110, y1, w.flags))
        out.append(FeatureHash.combine(111, p1.lower))
        out.append(FeatureHash.combine(112, n1.lower))
        out.append(FeatureHash.combine(113, p1.flags, w.flags))
        out.append(FeatureHash.combine(114, w.flags, n1.flags))
        out.append(FeatureHash.combine(115, g))
        out.append(FeatureHash.combine(116, g, w.flags))
        out.append(FeatureHash.combine(117, gp, g, gn))
        out.append(FeatureHash.combine(118, y1, g))
        for bit in 0..<8 where g & (1 << UInt64(bit)) != 0 {
            out.append(FeatureHash.combine(119, UInt64(bit), w.flags & 3))
        }
        out.append(FeatureHash.combine(120, t))
        out.append(FeatureHash.combine(121, tp, t, tn))
        out.append(FeatureHash.combine(122, t, w.flags))
        out.append(FeatureHash.combine(123, y1, t))
        out.append(FeatureHash.combine(124, p1.lower, w.lower))
        out.append(FeatureHash.combine(125, w.lower, n1.lower))
        out.append(FeatureHash.combine(126, tn, n1.flags))
        out.append(FeatureHash.combine(127, p1.shape, w.shape, n1.shape))
    }

    /// Label indices; an `I-` that does not continue a span of its class is read as `B-`.
    public func tagIndices(_ c: Context) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(c.words.count)
        var features: [UInt64] = []
        features.reserveCapacity(40)
        var scores = [Float](repeating: 0, count: model.labels.count)
        var previous = -1
        var previous2 = -2
        for i in c.words.indices {
            Self.features(c, i, previous, previous2, into: &features)
            features.withUnsafeBufferPointer { model.score($0, into: &scores) }
            var best = 0
            for l in 1..<scores.count where scores[l] > scores[best] { best = l }
            result.append(best)
            previous2 = previous
            previous = best
        }
        return result
    }

    public func tag(_ tokens: inout [Token], context: Context) {
        var previous: EntityTag = .outside
        for (i, label) in tagIndices(context).enumerated() {
            var tag = tags[label]
            if case .inside(let type) = tag, previous.type != type { tag = .begin(type) }
            tokens[i].entity = tag
            previous = tag
        }
    }
}
