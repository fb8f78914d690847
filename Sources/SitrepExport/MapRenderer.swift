/// Draws events on country outlines: an SVG picture, or a self-contained HTML page with the picture,
/// hover details and a table. Nothing is fetched: no fonts, scripts or tiles from the network.
public struct MapRenderer: Sendable {
    public var width: Double
    public var height: Double
    public var outlines: CountryOutlines

    public init(outlines: CountryOutlines, width: Double = 1200, height: Double = 800) {
        self.outlines = outlines
        self.width = width
        self.height = height
    }

    /// A dot's radius: 4 px with no deaths, growing with the square root of the death toll (so the
    /// area grows with it), at most 24 px.
    public static func radius(fatalities: Int?) -> Double {
        min(24, 4 + 2 * Double(max(0, fatalities ?? 0)).squareRoot())
    }

    /// What is drawn: the events with coordinates, the view fitted to them, and the date range.
    public struct Plan: Sendable {
        public var projection: MapProjection
        public var mapped: [ExportEvent]
        public var total: Int
        public var firstDate: String?
        public var lastDate: String?
    }

    public func plan(_ events: [ExportEvent]) -> Plan {
        let mapped = events.filter { $0.coordinates != nil }
        let points = mapped.compactMap(\.coordinates)
        let dates = events.compactMap(\.date).filter(EventFilter.isDate)
        return Plan(
            projection: .fitted(to: points, width: width, height: height), mapped: mapped, total: events.count,
            firstDate: dates.min(), lastDate: dates.max())
    }

    public func svg(_ events: [ExportEvent]) -> String {
        svg(plan(events), interactive: false)
    }

    func svg(_ plan: Plan, interactive: Bool) -> String {
        let view = plan.projection
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="DejaVu Sans, Arial, sans-serif">
            <rect width="100%" height="100%" fill="#DCE9F5"/>
            <g fill="#F4F1EA" stroke="#9A9A9A" stroke-width="0.7" stroke-linejoin="round">

            """
        for ring in outlines.rings
        where view.overlaps(west: ring.west, east: ring.east, south: ring.south, north: ring.north) {
            var path = ""
            for (index, point) in ring.points.enumerated() {
                let (x, y) = view.project(lat: point.lat, lon: point.lon)
                path += (index == 0 ? "M" : "L") + Self.coordinate(x) + "," + Self.coordinate(y)
            }
            out += "<path d=\"\(path)Z\"/>\n"
        }
        out += "</g>\n<g stroke=\"#FFFFFF\" stroke-width=\"1\" fill-opacity=\"0.85\">\n"
        // Largest first, so that small dots stay visible on top of large ones.
        let order = plan.mapped.indices.sorted {
            (plan.mapped[$0].killed ?? 0, $1) > (plan.mapped[$1].killed ?? 0, $0)
        }
        for index in order {
            let event = plan.mapped[index]
            guard let point = event.coordinates else { continue }
            let (x, y) = view.project(lat: point.lat, lon: point.lon)
            let colour = ACLEDColour.colour(for: event.acled?.eventType)
            let radius = Self.coordinate(Self.radius(fatalities: event.killed))
            let attributes = interactive ? " data-row=\"\(index)\" class=\"dot\"" : ""
            out += "<circle cx=\"\(Self.coordinate(x))\" cy=\"\(Self.coordinate(y))\" r=\"\(radius)\" "
            out += "fill=\"\(colour)\"\(attributes)><title>\(KMLFormat.escape(Self.summary(event)))</title></circle>\n"
        }
        out += "</g>\n"
        out += legend(plan)
        return out + "</svg>\n"
    }

    private func legend(_ plan: Plan) -> String {
        let present = Set(plan.mapped.map { $0.acled?.eventType ?? "" })
        var entries = ACLEDColour.types.filter { present.contains($0.name) }
        if plan.mapped.contains(where: { ACLEDColour.colour(for: $0.acled?.eventType) == ACLEDColour.other }) {
            entries.append((ACLEDColour.otherName, ACLEDColour.other))
        }
        let range: String
        switch (plan.firstDate, plan.lastDate) {
        case (let first?, let last?) where first != last: range = "\(first) – \(last)"
        case (let first?, _): range = first
        default: range = "no dates"
        }
        let lineHeight = 20.0
        let boxHeight = 58 + lineHeight * Double(entries.count) + 30
        var out = "<g class=\"legend\" font-size=\"13\">\n"
        out += "<rect x=\"10\" y=\"10\" width=\"300\" height=\"\(Self.coordinate(boxHeight))\" "
        out += "fill=\"#FFFFFF\" fill-opacity=\"0.9\" stroke=\"#666666\" rx=\"4\"/>\n"
        out += "<text x=\"20\" y=\"32\" font-size=\"15\" font-weight=\"bold\">\(KMLFormat.escape(range))</text>\n"
        out += "<text x=\"20\" y=\"52\">\(plan.mapped.count) of \(plan.total) events mapped</text>\n"
        var y = 58.0 + lineHeight
        for entry in entries {
            out += "<circle cx=\"26\" cy=\"\(Self.coordinate(y - 4))\" r=\"6\" fill=\"\(entry.colour)\"/>"
            out += "<text x=\"40\" y=\"\(Self.coordinate(y))\">\(KMLFormat.escape(entry.name))</text>\n"
            y += lineHeight
        }
        out += "<text x=\"20\" y=\"\(Self.coordinate(y + 8))\">dot area grows with fatalities</text>\n"
        return out + "</g>\n"
    }

    /// One line about an event, for hover text.
    public static func summary(_ event: ExportEvent) -> String {
        var parts = [event.date ?? "undated", event.acled?.subEventType ?? event.acled?.eventType ?? event.type]
        if let place = event.location?.name ?? event.location?.text { parts.append(place) }
        if let killed = event.killed { parts.append("\(killed) killed") }
        var text = parts.joined(separator: " · ")
        if let sentence = event.sentence { text += "\n" + sentence }
        return text
    }

    public func html(_ events: [ExportEvent]) -> String {
        let plan = plan(events)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <title>sitrep map</title>
            <style>
            body { margin: 0; font: 14px "DejaVu Sans", Arial, sans-serif; color: #222; }
            #map { position: relative; width: \(Int(width))px; }
            #tip { position: absolute; display: none; max-width: 360px; padding: 6px 8px; background: #FFF;
                   border: 1px solid #666; border-radius: 4px; pointer-events: none; white-space: pre-wrap; }
            .dot { cursor: pointer; }
            .dot:hover { stroke: #000; stroke-width: 2; }
            table { border-collapse: collapse; margin: 12px; }
            th, td { border-bottom: 1px solid #DDD; padding: 3px 6px; text-align: left; vertical-align: top; }
            tr.hit { background: #FFF3C4; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px; }
            </style>
            </head>
            <body>
            <div id="map">

            """
        out += svg(plan, interactive: true)
        out += "<div id=\"tip\"></div>\n</div>\n"
        out += "<table id=\"events\">\n<thead><tr><th>date</th><th>event type</th><th>sub-event type</th>"
        out += "<th>actor 1</th><th>actor 2</th><th>location</th><th>country</th><th>fatalities</th>"
        out += "<th>sentence</th><th>source</th></tr></thead>\n<tbody>\n"
        for (index, event) in plan.mapped.enumerated() {
            let colour = ACLEDColour.colour(for: event.acled?.eventType)
            let cells = [
                event.date ?? "", event.acled?.eventType ?? event.type, event.acled?.subEventType ?? "",
                event.actor1, event.actor2, event.location?.name ?? event.location?.text ?? "",
                event.location?.country ?? "", event.killed.map(String.init) ?? "", event.sentence ?? "",
                [event.doc?.title, event.doc?.url].compactMap { $0 }.joined(separator: " "),
            ].map(KMLFormat.escape)
            out += "<tr id=\"row-\(index)\" data-tip=\"\(KMLFormat.escape(Self.summary(event)))\">"
            out += "<td>\(cells[0])</td><td><span class=\"swatch\" style=\"background:\(colour)\"></span>\(cells[1])</td>"
            out += cells[2...].map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += """
            <script>
            (function () {
              var tip = document.getElementById('tip');
              var map = document.getElementById('map');
              document.querySelectorAll('.dot').forEach(function (dot) {
                var row = document.getElementById('row-' + dot.getAttribute('data-row'));
                dot.addEventListener('mouseenter', function () {
                  tip.textContent = row ? row.getAttribute('data-tip') : '';
                  tip.style.display = 'block';
                  if (row) { row.classList.add('hit'); }
                });
                dot.addEventListener('mousemove', function (e) {
                  var box = map.getBoundingClientRect();
                  tip.style.left = (e.clientX - box.left + 12) + 'px';
                  tip.style.top = (e.clientY - box.top + 12) + 'px';
                });
                dot.addEventListener('mouseleave', function () {
                  tip.style.display = 'none';
                  if (row) { row.classList.remove('hit'); }
                });
                dot.addEventListener('click', function () { if (row) { row.scrollIntoView(); } });
              });
            })();
            </script>
            </body>
            </html>

            """
        return out
    }

    /// Pixels with one decimal: enough for a crisp picture, short in the file.
    static func coordinate(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e12 else { return "0" }
        let whole = Int64(tenths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = abs(whole)
        return sign + "\(magnitude / 10)" + (magnitude % 10 == 0 ? "" : ".\(magnitude % 10)")
    }
}
