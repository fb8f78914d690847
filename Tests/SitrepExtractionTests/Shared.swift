import SitrepFormats

@testable import SitrepExtraction

/// The built-in extractor, loaded once for all tests.
enum Shared {
    static let extractor: Extractor = {
        do {
            return try Extractor.load()
        } catch {
            fatalError("built-in data does not load: \(error)")
        }
    }()

    static func tokens(_ text: String) -> [Token] { Tokenizer.tokenize(Array(text.utf8)) }

    static func sentence(_ text: String) -> Sentence {
        let tokens = tokens(text)
        return Sentence(start: 0, end: text.utf8.count, paragraph: 0, tokens: tokens)
    }

    static func events(_ text: String, published: String? = nil) -> [Event] {
        extractor.extract(Document(text: text, published: published))
    }
}
