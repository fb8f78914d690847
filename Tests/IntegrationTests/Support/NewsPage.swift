/// A news web page as sites serve them: a cookie banner, navigation, a breaking-news ticker, the
/// article (headline, dateline, body, a list, a related-stories box), a most-read list and a footer.
enum NewsPage {
    static let floodReport = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Floods cut off villages in the delta | The Daily Courier</title>
        <meta property="og:title" content="Floods cut off villages in the delta">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Daily Courier"},
         {"@type":"NewsArticle","headline":"Floods cut off villages in the delta",
          "datePublished":"2026-02-11T07:30:00+01:00","dateModified":"2026-02-11T09:00:00+01:00"}]}
        </script>
        </head><body>
        <div id="cookie-banner" class="consent-overlay"><p>We use cookies to improve your experience.
        By continuing to browse you agree to our use of cookies.</p><button>Accept all</button></div>
        <header class="site-header"><a href="/">The Daily Courier</a>
        <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
        <li><a href="/sport">Sport</a></li></ul></nav></header>
        <div class="breaking-news-ticker"><span>BREAKING: Rebels attacked an army base in the north,
        killing twelve soldiers</span></div>
        <main>
        <article>
        <h1>Floods cut off villages in the delta</h1>
        <p class="byline">By A. Reporter · <time datetime="2026-02-11">11 February 2026</time></p>
        <p>Floodwaters rose across the delta on Tuesday, cutting off dozens of villages and forcing
        thousands of families from their homes, local officials said.</p>
        <p>Relief agencies said that clean water and shelter were the most urgent needs.</p>
        <ul>
        <li>Soldiers evacuated hundreds of residents from the flooded districts by boat overnight</li>
        <li>Hundreds of farmers protested outside the governor's office demanding compensation</li>
        </ul>
        <aside class="related"><h2>Related stories</h2><ul>
        <li><a href="/a">Gunmen attacked a police post near Mosul, killing three officers</a></li>
        <li><a href="/b">Police arrested forty protesters in Nairobi</a></li></ul></aside>
        <p>More rain is forecast for the coming days.</p>
        </article>
        <section class="most-read"><h2>Most read</h2><ol>
        <li><a href="/c">Troops shelled rebel positions outside the capital</a></li>
        <li><a href="/d">Ministers signed a ceasefire agreement in Geneva</a></li></ol></section>
        </main>
        <footer><p>© 2026 The Daily Courier. All rights reserved.</p>
        <p>Protesters marched in 2019, read our archive.</p></footer>
        </body></html>
        """
}
