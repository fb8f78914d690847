extension Event {
    /// The event as one JSON object, keys in the order of the schema table, no pretty printing,
    /// omitted fields absent (never null), strings escaped per RFC 8259, without a trailing newline.
    public func jsonLine() -> String {
        let w = written()
        return w.string
    }

    /// `jsonLine()` and a newline, appended to `buffer` as UTF-8: what the log and stdout get, without
    /// making a string first.
    public func appendJSONLine(to buffer: inout [UInt8]) {
        let w = written()
        w.append(to: &buffer)
        buffer.append(0x0A)
    }

    private func written() -> JSONWriter {
        // Room for the keys, ids and a place without growing; the sentence is the one long field.
        var w = JSONWriter(capacity: 768 + (sentence?.utf8.count ?? 0))
        w.beginObject()
        w.field("schema", schema)
        w.field("id", id)
        w.beginObject("doc")
        w.field("id", doc.id)
        w.field("path", doc.path)
        w.field("sha256", doc.sha256)
        w.field("title", doc.title)
        w.field("url", doc.url)
        w.field("published", doc.published)
        w.field("published_source", doc.publishedSource)
        w.field("record", doc.record)
        w.field("offset", doc.offset)
        w.field("language", doc.language)
        w.endObject()
        w.field("type", type.rawValue)
        w.field("mode", mode)
        if let context {
            w.beginArray("context")
            for item in context { w.element(item) }
            w.endArray()
        }
        w.field("cameo", cameo)
        w.field("quad_class", quadClass)
        w.field("goldstein", goldstein)
        if let acled {
            w.beginObject("acled")
            w.field("event_type", acled.eventType)
            w.field("sub_event_type", acled.subEventType)
            w.endObject()
        }
        w.field("date", date)
        w.field("date_precision", datePrecision?.rawValue)
        writeActors("source", source, into: &w)
        writeActors("target", target, into: &w)
        if let location {
            w.beginObject("location")
            w.field("text", location.text)
            w.field("name", location.name)
            w.field("country", location.country)
            w.field("admin1", location.admin1)
            w.field("lat", location.lat)
            w.field("lon", location.lon)
            w.field("precision", location.precision?.rawValue)
            w.field("geonames_id", location.geonamesID)
            w.endObject()
        }
        w.field("killed", killed)
        w.field("killed_min", killedMin)
        w.field("injured", injured)
        w.field("injured_min", injuredMin)
        if let quantity {
            w.beginObject("quantity")
            w.field("count", quantity.count)
            w.field("what", quantity.what)
            w.endObject()
        }
        w.field("background", background)
        w.field("trigger", trigger)
        w.field("sentence", sentence)
        if let span {
            w.beginArray("span")
            for offset in span { w.element(offset) }
            w.endArray()
        }
        // Two decimals: sums of steps such as 0.52 + 0.05 must not print as 0.5700000000000001.
        w.field("confidence", confidence.map { ($0 * 100).rounded() / 100 })
        w.endObject()
        return w
    }

    private func writeActors(_ key: StaticString, _ actors: [Actor]?, into w: inout JSONWriter) {
        guard let actors else { return }
        w.beginArray(key)
        for actor in actors {
            w.beginElementObject()
            w.field("text", actor.text)
            w.field("name", actor.name)
            w.field("country", actor.country)
            w.field("sector", actor.sector)
            w.endObject()
        }
        w.endArray()
    }
}
