/// GeoJSON (RFC 7946): one FeatureCollection, a Feature per event with a Point geometry
/// `[longitude, latitude]` in WGS 84 (or a null geometry when the place has no coordinates, as §3.2
/// allows) and the event's fields as properties, named like the CSV columns.
public enum GeoJSONFormat {
    public static let opening = "{\"type\":\"FeatureCollection\",\"features\":[\n"
    public static let closing = "\n]}\n"

    public static func feature(_ event: ExportEvent) -> String {
        var properties: [(String, String)] = [
            ("event_id", JSONText.string(event.id)),
            ("plover_type", JSONText.string(event.type)),
        ]
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { properties.append((key, JSONText.string(value))) }
        }
        add("event_date", event.date)
        add("event_type", event.acled?.eventType)
        add("sub_event_type", event.acled?.subEventType)
        add("actor1", event.actor1)
        add("actor2", event.actor2)
        add("country", event.location?.country)
        add("admin1", event.location?.admin1)
        add("location", event.location?.name ?? event.location?.text)
        add("geo_precision", event.location?.precision)
        if let killed = event.killed { properties.append(("fatalities", "\(killed)")) }
        if let injured = event.injured { properties.append(("injured", "\(injured)")) }
        add("notes", event.sentence)
        add("source_title", event.doc?.title)
        add("source_url", event.doc?.url)
        let geometry =
            event.coordinates.map {
                "{\"type\":\"Point\",\"coordinates\":[\(JSONText.number($0.lon)),\(JSONText.number($0.lat))]}"
            } ?? "null"
        let body = properties.map { JSONText.string($0.0) + ":" + $0.1 }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"id\":\(JSONText.string(event.id)),\"geometry\":\(geometry),\"properties\":{\(body)}}"
    }
}
