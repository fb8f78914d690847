/// One run of text between two block boundaries of a page, and the element it lies in. The main
/// content is chosen from these after the single pass over the page.
struct PageBlock: Sendable {
    /// Range in the scanner's text, separators before it included.
    var range: Range<Int>
    /// Index of the innermost container element (`PageContainer`) the text lies in.
    var container: Int
    /// Bytes of text, and of text inside links.
    var text = 0
    var linkText = 0
    /// Newlines asked for before the block: 1 after `<br>`, 2 after a paragraph.
    var separator = 2
    var isHeading = false
}

/// A block-level element of a page, with what the choice of the main content needs to know of it.
struct PageContainer: Sendable {
    enum Kind: Sendable { case other, article, main, content, paragraph }

    var parent: Int
    var kind: Kind
    /// Page furniture by its tag, ARIA role or hidden state (`nav`, `footer`, `role=banner`,
    /// `hidden`), itself or through an ancestor.
    var isStructuralBoilerplate: Bool
    /// Page furniture by a word of its class or id, itself or through an ancestor.
    var isNamedBoilerplate: Bool
    var isInsideArticle: Bool
}
