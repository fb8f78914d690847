/// A sentence of a document: its byte range and its tokens.
struct Sentence: Sendable {
    var start: Int
    var end: Int
    var paragraph: Int
    var tokens: [Token]
}
