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
        // List items, rows and definitions are blocks of their own: never run into one sentence.
        for name in "li tr dt dd option caption dialog menu marquee".split(separator: " ") {
            table[String(name)] = .paragraph
        }
        table["br"] = .line
        table["a"] = .link
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

    /// Elements without content or end tag.
    static let voidElements: Set<String> = ["hr"]
    /// Elements whose start tag ends an open one of the same name (`<li>one<li>two`).
    static let closesItself: Set<String> = ["li", "dt", "dd", "tr", "option", "p"]
    /// Blocks that hold prose directly; density scoring credits the element around them.
    static let paragraphLike: Set<String> = ["p", "pre", "blockquote", "li", "dd", "td"]
    /// Page furniture by tag.
    static let furniture: Set<String> = ["nav", "footer", "aside", "dialog", "menu", "marquee"]
    /// Page furniture by ARIA landmark or widget role.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu",
        "menubar", "toolbar", "marquee", "timer",
    ]
    /// Attributes the scanner reads.
    static let usedAttributes: Set<String> = [
        "class", "id", "role", "hidden", "aria-hidden", "itemprop", "style", "content", "datetime", "type",
        "property", "name", "rel", "href", "pubdate",
    ]

    /// Ranks of the places outside the meta table that carry a publication date (lower is better).
    static let jsonLDRank = 1
    static let jsonLDCreatedRank = 6
    static let parselyPageRank = 6
    static let timePubdateRank = 5
    static let articleTimeRank = 11
    static let timeRank = 12

    /// Meta names, properties and itemprops that carry the publication date, best first.
    static let publishedRank: [String: Int] = [
        "article:published_time": 0, "og:article:published_time": 1, "datepublished": 2,
        "og:published_time": 3, "published_time": 3, "article.published": 4, "pubdate": 5, "publishdate": 5,
        "publish-date": 5, "publish_date": 5, "parsely-pub-date": 6, "sailthru.date": 7, "dc.date.issued": 8,
        "dcterms.issued": 8, "dc.date": 9, "dcterms.date": 9, "date": 10,
    ]
}
