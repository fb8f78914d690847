/// KML 2.2: a Document with a Placemark per event that has coordinates (a KML Point needs them),
/// its name the event type and place, its description the sentence, and the fields as ExtendedData.
public enum KMLFormat {
    public static let opening = """
        <?xml version="1.0" encoding="UTF-8"?>
        <kml xmlns="http://www.opengis.net/kml/2.2">
        <Document>
        <name>sitrep events</name>

        """
    public static let closing = "</Document>\n</kml>\n"

    public static func placemark(_ event: ExportEvent) -> String {
        guard let coordinates = event.coordinates else { return "" }
        let kind = event.acled?.eventType ?? event.type
        let place = event.location?.name ?? event.location?.text
        let name = [kind, place].compactMap { $0 }.joined(separator: ", ")
        var data: [(String, String)] = [("event_id", event.id), ("plover_type", event.type)]
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { data.append((key, value)) }
        }
        add("event_date", event.date)
        add("event_type", event.acled?.eventType)
        add("sub_event_type", event.acled?.subEventType)
        add("actor1", event.actor1)
        add("actor2", event.actor2)
        add("country", event.location?.country)
        add("fatalities", event.killed.map(String.init))
        add("source_url", event.doc?.url)
        var text = "<Placemark id=\"\(escape(event.id))\">\n"
        text += "<name>\(escape(name))</name>\n"
        if let date = event.date { text += "<TimeStamp><when>\(escape(date))</when></TimeStamp>\n" }
        if let sentence = event.sentence { text += "<description>\(escape(sentence))</description>\n" }
        text += "<ExtendedData>\n"
        for (key, value) in data {
            text += "<Data name=\"\(key)\"><value>\(escape(value))</value></Data>\n"
        }
        text += "</ExtendedData>\n"
        text += "<Point><coordinates>\(JSONText.number(coordinates.lon)),\(JSONText.number(coordinates.lat))</coordinates></Point>\n"
        return text + "</Placemark>\n"
    }

    /// XML character data and attribute values: markup characters escaped, and characters XML 1.0
    /// forbids (most controls) dropped, so hostile text cannot break the document.
    public static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                let v = scalar.value
                if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
