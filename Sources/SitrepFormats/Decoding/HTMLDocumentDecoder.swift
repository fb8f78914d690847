/// .html files: one document with the page's text, title, canonical URL and publication date.
enum HTMLDocumentDecoder {
    static func decode(_ bytes: ArraySlice<UInt8>, vocabulary: PageVocabulary) throws(DecodeError) -> Document
    {
        var notes: [String] = []
        let cleaned = TextNormalizer().cleanedBytes(bytes, notes: &notes)
        let page = HTMLConverter.convert(
            cleaned: cleaned, notes: &notes, mainContent: true, vocabulary: vocabulary)
        guard !page.text.isEmpty else { throw DecodeError(.empty, "the page holds no text") }
        return Document(
            text: page.text, title: page.title, url: page.url, published: page.published, notes: notes)
    }
}
