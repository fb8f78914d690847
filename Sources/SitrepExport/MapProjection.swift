/// An equirectangular projection of a region onto a `width` × `height` picture, longitudes scaled by
/// the cosine of the region's middle latitude so that shapes near the region's centre keep their
/// proportions. North is up; (0, 0) is the top left corner.
public struct MapProjection: Sendable, Equatable {
    public var west: Double
    public var east: Double
    public var south: Double
    public var north: Double
    public var width: Double
    public var height: Double

    public init(west: Double, east: Double, south: Double, north: Double, width: Double, height: Double) {
        self.west = west
        self.east = east
        self.south = south
        self.north = north
        self.width = width
        self.height = height
    }

    /// The view around `points` (latitude, longitude): their bounding box with a margin of a sixth
    /// of its size on each side, at least `minimumSpan` degrees across, widened along one axis to
    /// the picture's proportions. No points: the whole world between 60°S and 80°N.
    public static func fitted(
        to points: [(lat: Double, lon: Double)], width: Double, height: Double, minimumSpan: Double = 3
    ) -> MapProjection {
        guard let first = points.first else {
            return widened(west: -180, east: 180, south: -60, north: 80, width: width, height: height)
        }
        var west = first.lon
        var east = first.lon
        var south = first.lat
        var north = first.lat
        for point in points.dropFirst() {
            west = min(west, point.lon)
            east = max(east, point.lon)
            south = min(south, point.lat)
            north = max(north, point.lat)
        }
        let lonMargin = max((east - west) / 6, (minimumSpan - (east - west)) / 2, 0)
        let latMargin = max((north - south) / 6, (minimumSpan - (north - south)) / 2, 0)
        return widened(
            west: max(-180, west - lonMargin), east: min(180, east + lonMargin),
            south: max(-85, south - latMargin), north: min(85, north + latMargin), width: width, height: height)
    }

    private static func widened(
        west: Double, east: Double, south: Double, north: Double, width: Double, height: Double
    ) -> MapProjection {
        var view = MapProjection(west: west, east: east, south: south, north: north, width: width, height: height)
        let projectedWidth = (east - west) * view.lonScale
        let projectedHeight = north - south
        let wanted = width / height
        if projectedWidth / projectedHeight < wanted {
            let extra = (projectedHeight * wanted / view.lonScale - (east - west)) / 2
            view.west -= extra
            view.east += extra
        } else {
            let extra = (projectedWidth / wanted - projectedHeight) / 2
            view.south -= extra
            view.north += extra
        }
        return view
    }

    /// How much narrower a degree of longitude is than one of latitude at the view's middle.
    public var lonScale: Double {
        let middle = (south + north) / 2 * Double.pi / 180
        return max(0.2, cosine(middle))
    }

    public func project(lat: Double, lon: Double) -> (x: Double, y: Double) {
        let x = (lon - west) / (east - west) * width
        let y = (north - lat) / (north - south) * height
        return (x, y)
    }

    public func contains(lat: Double, lon: Double) -> Bool {
        lat >= south && lat <= north && lon >= west && lon <= east
    }

    /// Whether a box of degrees overlaps the view (to skip drawing outlines far outside it).
    public func overlaps(west w: Double, east e: Double, south s: Double, north n: Double) -> Bool {
        e >= west && w <= east && n >= south && s <= north
    }
}

/// cos(x) by its Taylor series after reducing x to [-π, π]: Foundation-free, and exact enough for
/// a map's aspect (|error| < 1e-9).
func cosine(_ x: Double) -> Double {
    var x = x.truncatingRemainder(dividingBy: 2 * Double.pi)
    if x > Double.pi { x -= 2 * Double.pi }
    if x < -Double.pi { x += 2 * Double.pi }
    var term = 1.0
    var sum = 1.0
    let square = x * x
    for n in stride(from: 2, through: 30, by: 2) {
        term *= -square / Double((n - 1) * n)
        sum += term
    }
    return sum
}
