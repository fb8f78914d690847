/// What a tag means for text extraction.
enum HTMLTagRole: Sendable {
    /// Starts or ends a paragraph ("\n\n").
    case paragraph
    /// Starts or ends a line ("\n").
    case line
    /// Separates words (table cells).
    case cell
    /// Content is not text: skipped up to the matching end tag.
    case skipped
    case title
    case head
    case body
    case meta
    case link
    case time
}

enum HTMLTag {
    static let roles: [String: HTMLTagRole] = {
        var table: [String: HTMLTagRole] = [:]
        let paragraphs = """
            p div h1 h2 h3 h4 h5 h6 article section blockquote header footer main aside nav figure \
            figcaption table ul ol dl pre form hr address fieldset details summary center
            """
        for name in paragraphs.split(separator: " ") { table[String(name)] = .paragraph }
        for name in "br li tr dt dd option caption".split(separator: " ") { table[String(name)] = .line }
        for name in "td th".split(separator: " ") { table[String(name)] = .cell }
        for name in "script style noscript template svg math iframe object select".split(separator: " ") {
            table[String(name)] = .skipped
        }
        table["title"] = .title
        table["head"] = .head
        table["body"] = .body
        table["meta"] = .meta
        table["link"] = .link
        table["time"] = .time
        return table
    }()

    /// Names of elements whose presence makes a string HTML rather than text that mentions "<".
    static let common: Set<String> = [
        "p", "br", "div", "span", "a", "b", "i", "u", "em", "strong", "li", "ul", "ol", "h1", "h2", "h3",
        "h4",
        "h5", "h6", "img", "table", "tr", "td", "th", "blockquote", "section", "article", "figure",
        "figcaption",
        "script", "style", "iframe", "hr", "sup", "sub", "small", "font", "header", "footer", "nav", "main",
        "aside", "html", "body", "head", "title", "meta", "link", "pre", "code", "time", "cite", "q", "abbr",
    ]

    /// Meta names and properties that carry the publication date, best first.
    static let publishedMetaRank: [String: Int] = [
        "article:published_time": 0, "og:article:published_time": 1, "datepublished": 2,
        "og:published_time": 3, "published_time": 3, "article.published": 4, "pubdate": 5, "publishdate": 5,
        "publish-date": 5, "publish_date": 5, "parsely-pub-date": 6, "sailthru.date": 7, "dc.date.issued": 8,
        "dcterms.issued": 8, "dc.date": 9, "dcterms.date": 9, "date": 10,
    ]
}
