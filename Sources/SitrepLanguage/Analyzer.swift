import Foundation

/// Turns text (or given CoNLL-U sentences) into analysed sentences: tokens, UPOS/XPOS, lemmas,
/// entities and, once a dependency model is present, heads and relations. Models load once.
public struct Analyzer: Sendable {
    public let tokenizer: Tokenizer
    public let tagger: PartOfSpeechTagger
    public let lemmatizer: Lemmatizer
    public let entities: EntityTagger
    /// Where heads and relations come from. Hook for the dependency parser: given forms, UPOS and
    /// XPOS of a sentence it returns one (head, deprel) per word. Nil leaves HEAD/DEPREL as `_`.
    public let parse: (@Sendable ([String], [String], [String]) -> [(head: Int, deprel: String)])?

    public init(
        tokenizer: Tokenizer, tagger: PartOfSpeechTagger, lemmatizer: Lemmatizer, entities: EntityTagger,
        parse: (@Sendable ([String], [String], [String]) -> [(head: Int, deprel: String)])? = nil
    ) {
        self.tokenizer = tokenizer
        self.tagger = tagger
        self.lemmatizer = lemmatizer
        self.entities = entities
        self.parse = parse
    }

    /// File names of the built-in resources.
    public enum ResourceName: String, CaseIterable, Sendable {
        case tokenizer = "tokenizer.tsv"
        case tagger = "tagger.bin"
        case lemmas = "lemmas.tsv"
        case entities = "entities.bin"
        case parser = "dependency-parser.bin"
    }

    /// Loads the models shipped as resources of this module.
    public static func builtIn() throws(LanguageModelError) -> Analyzer {
        func bytes(_ name: ResourceName) throws(LanguageModelError) -> [UInt8] {
            guard
                let url = Bundle.module.url(forResource: "Resources/\(name.rawValue)", withExtension: nil)
                    ?? Bundle.module.url(forResource: name.rawValue, withExtension: nil),
                let data = try? Data(contentsOf: url)
            else { throw LanguageModelError(.missingResource, "\(name.rawValue) not found in the bundle") }
            return [UInt8](data)
        }
        func text(_ name: ResourceName) throws(LanguageModelError) -> String {
            String(decoding: try bytes(name), as: UTF8.self)
        }
        return Analyzer(
            tokenizer: try Tokenizer(data: try text(.tokenizer)),
            tagger: try PartOfSpeechTagger(model: try Perceptron(serialized: try bytes(.tagger))),
            lemmatizer: try Lemmatizer(data: try text(.lemmas)),
            entities: try EntityTagger(serialized: try bytes(.entities)),
            parse: try DependencyParser(resource: try bytes(.parser)).hook)
    }

    /// Tokenises, splits sentences and analyses; each sentence gets a `# text` comment.
    public func analyze(_ text: String) -> [Sentence] {
        let utf8 = Array(text.utf8)
        return tokenizer.sentences(text).map { tokens in
            var sentence = Sentence(tokens: tokens)
            if let first = tokens.first?.range, let last = tokens.last?.range {
                sentence.comments = ["# text = " + String(decoding: utf8[first.lowerBound..<last.upperBound], as: UTF8.self)
                    .split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")]
            }
            analyze(&sentence)
            return sentence
        }
    }

    /// Fills UPOS, XPOS, LEMMA, entity tags (and HEAD/DEPREL with a parser) of the given words.
    public func analyze(_ sentence: inout Sentence) {
        guard !sentence.tokens.isEmpty else { return }
        let words = sentence.tokens.map { WordFeatures(Array($0.form.utf8)) }
        tagger.tag(&sentence.tokens, words: words)
        for i in sentence.tokens.indices {
            let token = sentence.tokens[i]
            sentence.tokens[i].lemma = lemmatizer.lemma(form: token.form, upos: token.upos, xpos: token.xpos)
        }
        entities.tag(&sentence.tokens, context: entities.context(words: words, upos: sentence.tokens.map(\.upos)))
        if let parse {
            let arcs = parse(sentence.tokens.map(\.form), sentence.tokens.map(\.upos), sentence.tokens.map(\.xpos))
            if arcs.count == sentence.tokens.count {
                for (i, arc) in arcs.enumerated() {
                    sentence.tokens[i].head = arc.head
                    sentence.tokens[i].deprel = arc.deprel
                }
            }
        }
    }
}
