/// Chooses the article body of a page from its blocks, as readability-style extractors do: page
/// furniture is dropped by tag, role and class; the text is taken from the `<article>` (else the
/// `<main>`) that holds most of the page's prose, else from the element whose paragraphs score best
/// by text density; inside it, blocks that are mostly link text (lists of headlines) are dropped.
/// Every step is one pass over the blocks or the containers: linear in the page.
enum MainContentSelector {
    /// Share of the page's prose an `<article>` or `<main>` must hold to be taken as the body.
    static let minimumShare = 0.3
    /// Blocks with more of their text in links than this are navigation or lists of headlines.
    static let maximumLinkDensity = 0.5
    /// Shorter blocks do not count as paragraphs when scoring by text density.
    static let minimumParagraph = 25

    /// Indices of the blocks that form the main content, in page order.
    static func select(_ blocks: [PageBlock], _ containers: [PageContainer]) -> [Int] {
        let named = select(blocks, containers, honouringNames: true)
        // A page whose wrapper carries a furniture word ("layout-with-sidebar") would lose its
        // article; when the names leave little of what structure alone keeps, they are not trusted.
        let structural = select(blocks, containers, honouringNames: false)
        let namedText = named.reduce(0) { $0 + blocks[$1].text - blocks[$1].linkText }
        let structuralText = structural.reduce(0) { $0 + blocks[$1].text - blocks[$1].linkText }
        return Double(namedText) < 0.25 * Double(structuralText) ? structural : named
    }

    private static func select(
        _ blocks: [PageBlock], _ containers: [PageContainer], honouringNames: Bool
    ) -> [Int] {
        func isFurniture(_ container: Int) -> Bool {
            let c = containers[container]
            return c.isStructuralBoilerplate || honouringNames && c.isNamedBoilerplate
        }
        // Prose (text outside links) of each container's subtree.
        var prose = [Int](repeating: 0, count: containers.count)
        for block in blocks where !isFurniture(block.container) {
            prose[block.container] += block.text - block.linkText
        }
        // Children come after their parents: one backward pass sums the subtrees.
        for index in stride(from: containers.count - 1, to: 0, by: -1) {
            prose[containers[index].parent] += prose[index]
        }
        let total = prose.first ?? 0
        guard total > 0 else { return [] }

        var root = 0
        if let best = bestContainer(of: .article, prose, containers, total: total, isFurniture) {
            root = best
        } else if let best = bestContainer(of: .main, prose, containers, total: total, isFurniture) {
            root = best
        } else if let best = bestContainer(of: .content, prose, containers, total: total, isFurniture) {
            root = best
        } else {
            root = densestContainer(blocks, containers, isFurniture)
        }

        var inside = [Bool](repeating: false, count: containers.count)
        inside[root] = true
        for index in containers.indices where index > root {
            inside[index] = inside[containers[index].parent]
        }
        var selected: [Int] = []
        for (index, block) in blocks.enumerated() {
            guard inside[block.container], !isFurniture(block.container), block.text > 0 else { continue }
            if Double(block.linkText) > maximumLinkDensity * Double(block.text) { continue }
            selected.append(index)
        }
        return selected
    }

    private static func bestContainer(
        of kind: PageContainer.Kind, _ prose: [Int], _ containers: [PageContainer], total: Int,
        _ isFurniture: (Int) -> Bool
    ) -> Int? {
        var best: Int?
        for (index, container) in containers.enumerated()
        where container.kind == kind && !isFurniture(index) {
            if prose[index] > (best.map { prose[$0] } ?? 0) { best = index }
        }
        guard let best, Double(prose[best]) >= minimumShare * Double(total) else { return nil }
        return best
    }

    /// The container whose paragraphs score best: each paragraph of prose adds to its parent element
    /// and half as much to the one above, as readability does.
    private static func densestContainer(
        _ blocks: [PageBlock], _ containers: [PageContainer], _ isFurniture: (Int) -> Bool
    ) -> Int {
        var score = [Double](repeating: 0, count: containers.count)
        for block in blocks where !isFurniture(block.container) && !block.isHeading {
            let prose = block.text - block.linkText
            guard prose >= minimumParagraph, Double(block.linkText) <= maximumLinkDensity * Double(block.text)
            else { continue }
            let value = 1 + min(Double(prose) / 100, 3)
            var target = block.container
            if containers[target].kind == .paragraph { target = containers[target].parent }
            score[target] += value
            if target != 0 { score[containers[target].parent] += value / 2 }
        }
        var best = 0
        for index in score.indices where score[index] > score[best] { best = index }
        return best
    }
}
