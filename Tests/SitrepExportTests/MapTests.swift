import SitrepExport
import Testing

@Suite struct MapTests {
    static let square = try! CountryOutlines.parse(
        "# test\nXX\tSquare\t1000,1000 2000,1000 2000,2000 1000,2000\nYY\tFar\t-17000,-5000 -16900,-5000 -16900,-4900\n")

    @Test func theViewIsFittedAroundTheEventsWithTheirPositionsInside() {
        let points = [(lat: 10.0, lon: 20.0), (lat: 14.0, lon: 30.0)]
        let view = MapProjection.fitted(to: points, width: 1200, height: 800)
        for point in points {
            #expect(view.contains(lat: point.lat, lon: point.lon))
            let (x, y) = view.project(lat: point.lat, lon: point.lon)
            #expect(x > 50 && x < 1150 && y > 50 && y < 750)
        }
        // Proportions kept: a degree of longitude is cos(latitude) of a degree of latitude.
        let projectedWidth = (view.east - view.west) * view.lonScale
        #expect(abs(projectedWidth / (view.north - view.south) - 1.5) < 1e-6)
        // West is left, north is up.
        #expect(view.project(lat: 12, lon: 20).x < view.project(lat: 12, lon: 30).x)
        #expect(view.project(lat: 14, lon: 25).y < view.project(lat: 10, lon: 25).y)
    }

    @Test func oneEventGetsAViewOfAtLeastTheMinimumSpanCentredOnIt() {
        let view = MapProjection.fitted(to: [(lat: 13.6, lon: 25.3)], width: 1000, height: 1000)
        #expect(view.north - view.south >= 3 - 1e-9)
        let (x, y) = view.project(lat: 13.6, lon: 25.3)
        #expect(abs(x - 500) < 1e-6 && abs(y - 500) < 1e-6)
    }

    @Test func dotsAreDrawnWhereTheirEventsAreColouredAndSized() throws {
        let renderer = MapRenderer(outlines: Self.square, width: 1200, height: 800)
        let svg = renderer.svg([Samples.battle, Samples.protest])
        let plan = renderer.plan([Samples.battle, Samples.protest])
        let (x, y) = plan.projection.project(lat: 13.6279, lon: 25.3494)
        let radius = MapRenderer.radius(fatalities: 12)
        let circle = "cx=\"\(Self.tenths(x))\" cy=\"\(Self.tenths(y))\" r=\"\(Self.tenths(radius))\" fill=\"#D55E00\""
        #expect(svg.contains(circle))
        #expect(svg.contains("fill=\"#009E73\""))
        #expect(svg.contains("2024-03-02 – 2024-03-05"))
        #expect(svg.contains(">Battles</text>") && svg.contains(">Protests</text>"))
        #expect(!svg.contains(">Riots</text>"))
        // The outline far outside the view is not drawn; the one inside is.
        #expect(svg.components(separatedBy: "<path ").count - 1 == 1)
    }

    @Test(arguments: [(nil as Int?, 4.0), (0, 4.0), (1, 6.0), (16, 12.0), (10000, 24.0)])
    func dotsGrowWithFatalities(killed: Int?, radius: Double) {
        #expect(MapRenderer.radius(fatalities: killed) == radius)
    }

    @Test func theHTMLPageLoadsNothingFromTheNetworkAndListsEveryMappedEvent() {
        let html = MapRenderer(outlines: Self.square).html(Samples.all)
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        #expect(html.contains("default-src 'none'"))
        #expect(html.components(separatedBy: "<tr id=\"row-").count - 1 == 3)
        #expect(html.contains("&lt;three&gt;"))
    }

    @Test func theBuiltInOutlinesLoad() throws {
        let outlines = try CountryOutlines.builtIn()
        #expect(outlines.rings.count > 1000)
        #expect(Set(outlines.rings.map(\.country)).count > 200)
    }

    @Test(arguments: ["XX\tname\n", "XX\tn\t1,2 3\n", "XX\tn\t1,2 3,4\n", "XX\tn\t99999,0 1,1 2,2\n"])
    func malformedOutlineLinesAreErrors(line: String) {
        #expect(throws: MapDataError.self) { try CountryOutlines.parse(line) }
    }

    static func tenths(_ value: Double) -> String {
        let t = Int((value * 10).rounded())
        return t % 10 == 0 ? "\(t / 10)" : "\(t / 10).\(abs(t % 10))"
    }
}
