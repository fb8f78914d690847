/// An output format of `sitrep export`, written as a stream: `opening`, then one `record` per event
/// (with `separator` before every record but the first), then `closing`. Nothing is held between
/// records, so a log of any size is exported in constant memory.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, geojson, kml

    public var opening: String {
        switch self {
        case .csv: CSVFormat.header
        case .geojson: GeoJSONFormat.opening
        case .kml: KMLFormat.opening
        }
    }

    public var separator: String {
        switch self {
        case .geojson: ",\n"
        case .csv, .kml: ""
        }
    }

    /// The text of one event; empty when the format cannot show it (KML needs coordinates).
    public func record(_ event: ExportEvent) -> String {
        switch self {
        case .csv: CSVFormat.row(event)
        case .geojson: GeoJSONFormat.feature(event)
        case .kml: KMLFormat.placemark(event)
        }
    }

    public var closing: String {
        switch self {
        case .csv: ""
        case .geojson: GeoJSONFormat.closing
        case .kml: KMLFormat.closing
        }
    }
}
