import Foundation
import SitrepExport
import Testing

/// The RFC 7946 rules a FeatureCollection of points must follow; returns the problems found.
enum GeoJSONRules {
    static func problems(_ text: String) -> [String] {
        guard let data = text.data(using: .utf8),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return ["not a JSON object"] }
        var problems: [String] = []
        if root["type"] as? String != "FeatureCollection" { problems.append("§3.3: type is not FeatureCollection") }
        if root["crs"] != nil { problems.append("§4: crs member") }
        guard let features = root["features"] as? [Any] else { return problems + ["§3.3: no features array"] }
        for (index, item) in features.enumerated() {
            guard let feature = item as? [String: Any] else {
                problems.append("feature \(index) is not an object")
                continue
            }
            if feature["type"] as? String != "Feature" { problems.append("§3.2: feature \(index) type") }
            if let id = feature["id"], !(id is String || id is NSNumber) {
                problems.append("§3.2: feature \(index) id is neither string nor number")
            }
            guard feature.keys.contains("geometry"), feature.keys.contains("properties") else {
                problems.append("§3.2: feature \(index) lacks geometry or properties")
                continue
            }
            if !(feature["properties"] is NSNull || feature["properties"] is [String: Any]) {
                problems.append("§3.2: feature \(index) properties")
            }
            if feature["geometry"] is NSNull { continue }
            guard let geometry = feature["geometry"] as? [String: Any], geometry["type"] as? String == "Point",
                let position = geometry["coordinates"] as? [NSNumber], (2...3).contains(position.count)
            else {
                problems.append("§3.1.2: feature \(index) geometry is not a Point with a position")
                continue
            }
            let lon = position[0].doubleValue
            let lat = position[1].doubleValue
            if !(-180...180).contains(lon) || !(-90...90).contains(lat) {
                problems.append("§4: feature \(index) position out of range")
            }
        }
        return problems
    }

    static func features(_ text: String) -> [[String: Any]] {
        let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return root?["features"] as? [[String: Any]] ?? []
    }
}

@Suite struct GeoJSONFormatTests {
    func document(_ events: [ExportEvent]) -> String {
        GeoJSONFormat.opening + events.map(GeoJSONFormat.feature).joined(separator: ",\n") + GeoJSONFormat.closing
    }

    @Test func aCollectionOfEventsFollowsRFC7946() {
        #expect(GeoJSONRules.problems(document(Samples.all)) == [])
        #expect(GeoJSONRules.problems(document([])) == [])
    }

    @Test func positionsAreLongitudeThenLatitude() throws {
        let features = GeoJSONRules.features(document([Samples.battle, Samples.hostile]))
        let positions = features.compactMap { ($0["geometry"] as? [String: Any])?["coordinates"] as? [Double] }
        #expect(positions == [[25.3494, 13.6279], [-70.25, -1.5]])
    }

    @Test func anEventWithoutCoordinatesHasANullGeometry() {
        let features = GeoJSONRules.features(document([Samples.unplaced]))
        #expect(features.count == 1)
        #expect(features.first?["geometry"] is NSNull)
    }

    @Test func hostileTextStaysInsideItsString() throws {
        let features = GeoJSONRules.features(document([Samples.hostile]))
        let properties = try #require(features.first?["properties"] as? [String: Any])
        #expect(properties["notes"] as? String == Samples.hostile.sentence)
        #expect(features.first?["id"] as? String == "e3\"<x>")
    }

    @Test func theRulesThemselvesCatchBrokenDocuments() {
        #expect(!GeoJSONRules.problems("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}").isEmpty)
        #expect(
            !GeoJSONRules.problems(
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":null,\"geometry\":{\"type\":\"Point\",\"coordinates\":[13.6,200]}}]}"
            ).isEmpty)
    }
}
