/// Training of the tagger, entity and lemma models from treebank sentences. Deterministic: the
/// order of examples is shuffled with a fixed seed.
public enum Training {
    /// SplitMix64, for reproducible shuffles.
    public struct SeededGenerator: RandomNumberGenerator, Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func words(_ sentence: Sentence) -> [WordFeatures] { sentence.tokens.map { WordFeatures(Array($0.form.utf8)) } }

    public static func trainTagger(
        _ sentences: [Sentence], iterations: Int, bucketBits: Int = 19, seed: UInt64 = 1, threshold: Float = 0.1
    ) -> Perceptron {
        var labelIndex: [String: Int] = [:]
        var labels: [String] = []
        let examples: [([WordFeatures], [Int])] = sentences.map { sentence in
            let gold = sentence.tokens.map { token -> Int in
                let label = token.upos + " " + token.xpos
                if let index = labelIndex[label] { return index }
                labelIndex[label] = labels.count
                labels.append(label)
                return labels.count - 1
            }
            return (words(sentence), gold)
        }
        var trainer = PerceptronTrainer(labels: labels, bucketBits: bucketBits)
        var order = Array(examples.indices)
        var generator = SeededGenerator(seed: seed)
        var features: [UInt64] = []
        var scores = [Float](repeating: 0, count: labels.count)
        for _ in 0..<iterations {
            order.shuffle(using: &generator)
            for e in order {
                let (words, gold) = examples[e]
                var previous = -1
                var previous2 = -2
                for i in words.indices {
                    PartOfSpeechTagger.features(words, i, previous, previous2, into: &features)
                    trainer.score(features, into: &scores)
                    var best = 0
                    for l in 1..<scores.count where scores[l] > scores[best] { best = l }
                    trainer.update(features, gold: gold[i], guess: best)
                    previous2 = previous
                    previous = best
                }
            }
        }
        return trainer.finish(threshold: threshold)
    }

    /// Trains on sentences whose tokens carry UPOS (predicted, as at run time) and entity tags.
    public static func trainEntities(
        _ sentences: [Sentence], gazetteer: NameGazetteer, iterations: Int, bucketBits: Int = 18, seed: UInt64 = 2,
        threshold: Float = 0.1
    ) -> Perceptron {
        let labels = EntityTagger.labels
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let examples: [(EntityTagger.Context, [Int])] = sentences.map { sentence in
            let words = words(sentence)
            let context = EntityTagger.Context(
                words: words, names: words.map { gazetteer.bits(lowerHash: $0.lower) },
                tags: sentence.tokens.map { FeatureHash.bytes($0.upos.utf8) })
            return (context, sentence.tokens.map { index[($0.entity ?? .outside).text] ?? 0 })
        }
        var trainer = PerceptronTrainer(labels: labels, bucketBits: bucketBits)
        var order = Array(examples.indices)
        var generator = SeededGenerator(seed: seed)
        var features: [UInt64] = []
        var scores = [Float](repeating: 0, count: labels.count)
        for _ in 0..<iterations {
            order.shuffle(using: &generator)
            for e in order {
                let (context, gold) = examples[e]
                var previous = -1
                var previous2 = -2
                for i in context.words.indices {
                    EntityTagger.features(context, i, previous, previous2, into: &features)
                    trainer.score(features, into: &scores)
                    var best = 0
                    for l in 1..<scores.count where scores[l] > scores[best] { best = l }
                    trainer.update(features, gold: gold[i], guess: best)
                    previous2 = previous
                    previous = best
                }
            }
        }
        return trainer.finish(threshold: threshold)
    }

    /// Lemma table lines: for each (lower form, XPOS) its most frequent treebank lemma, then verb
    /// forms (lemma, vbz, vbd, vbn, vbg), kept only where the suffix rules get it wrong.
    public static func lemmaTable(_ sentences: [Sentence], verbForms: [(lemma: String, vbz: String, vbd: String, vbn: String, vbg: String)]) -> String {
        var counts: [String: [String: Int]] = [:]
        var upos: [String: String] = [:]
        for sentence in sentences {
            for token in sentence.tokens where token.lemma != "_" {
                let key = token.form.lowercased() + "\t" + token.xpos
                counts[key, default: [:]][token.lemma, default: 0] += 1
                upos[key] = token.upos
            }
        }
        for verb in verbForms {
            for (form, xpos) in [(verb.lemma, "VB"), (verb.lemma, "VBP"), (verb.vbz, "VBZ"), (verb.vbd, "VBD"), (verb.vbn, "VBN"), (verb.vbg, "VBG")]
            where !form.isEmpty {
                let key = form + "\t" + xpos
                if counts[key] == nil { counts[key] = [verb.lemma: 1]; upos[key] = "VERB" }
            }
        }
        var lines: [String] = []
        for (key, lemmas) in counts {
            let best = lemmas.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
            let parts = key.split(separator: "\t", omittingEmptySubsequences: false)
            let lower = String(parts[0])
            let xpos = String(parts[1])
            // The rule sees the original case only for PROPN, where it keeps the form; compare lower-cased.
            let ruled = Lemmatizer.rule(form: lower, lower: lower, upos: upos[key] ?? "", xpos: xpos)
            if upos[key] == "PROPN" { continue }
            if ruled != best, !lower.contains("\t"), !best.contains("\t"), !lower.contains("\n") {
                lines.append(key + "\t" + best)
            }
        }
        lines.sort()
        return "# lower-case form, XPOS, lemma: from UD English EWT train (CC BY-SA 4.0) and verb_forms.tsv (lemminflect, MIT)\n"
            + lines.joined(separator: "\n") + "\n"
    }
}
