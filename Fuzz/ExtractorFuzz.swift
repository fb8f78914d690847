import Foundation
import SitrepExtraction
import SitrepFormats

/// Built once per process: loading the data takes far longer than one extraction.
let fuzzExtractor: Extractor = {
    do {
        return try Extractor.load()
    } catch {
        fatalError("cannot load the built-in data: \(error)")
    }
}()

/// libFuzzer entry point for the extractor: the input is a plain-text file. Checks the event
/// record contract (docs/event-schema.md) on every event: one line of valid JSON, required fields
/// present and typed, values in range, the span inside the text; and that extraction is pure.
@_cdecl("LLVMFuzzerTestOneInput")
public func extractorFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? DocumentDecoder.decode(bytes, format: .text).first else { return 0 }
    let events = fuzzExtractor.extract(document)
    let textLength = document.text.utf8.count
    for event in events {
        checkEventLine(event.jsonLine(), textLength: textLength)
    }
    if fuzzExtractor.extract(document) != events {
        fuzzFailure("extracting the same document twice gave different events")
    }
    return 0
}

func checkEventLine(_ line: String, textLength: Int) {
    if line.utf8.contains(0x0A) || line.utf8.contains(0x0D) {
        fuzzFailure("an event line contains a line break: \(line)")
    }
    let parsed: Any
    do {
        parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
    } catch {
        fuzzFailure("an event line is not JSON (\(error)): \(line)")
    }
    guard let object = parsed as? [String: Any] else {
        fuzzFailure("an event line is not an object: \(line)")
    }
    guard object["schema"] as? String == Event.schemaName else { fuzzFailure("bad schema: \(line)") }
    guard let id = object["id"] as? String, !id.isEmpty else { fuzzFailure("no id: \(line)") }
    guard let doc = object["doc"] as? [String: Any], doc["id"] is String, doc["sha256"] is String else {
        fuzzFailure("no doc id or sha256: \(line)")
    }
    guard let type = object["type"] as? String, PLOVERType(rawValue: type) != nil else {
        fuzzFailure("no PLOVER type: \(line)")
    }
    for key in ["killed", "injured"] where object[key] != nil {
        guard let count = number(object[key]), count >= 0, count == count.rounded() else {
            fuzzFailure("bad \(key): \(line)")
        }
    }
    if let quad = object["quad_class"] {
        guard let quad = number(quad), [1, 2, 3, 4].contains(quad) else {
            fuzzFailure("bad quad_class: \(line)")
        }
    }
    if let goldstein = object["goldstein"] {
        guard let goldstein = number(goldstein), (-10...10).contains(goldstein) else {
            fuzzFailure("bad goldstein: \(line)")
        }
    }
    if let confidence = object["confidence"] {
        guard let confidence = number(confidence), (0...1).contains(confidence) else {
            fuzzFailure("bad confidence: \(line)")
        }
    }
    if let date = object["date"] {
        guard let date = date as? String, isCalendarDate(date) else { fuzzFailure("bad date: \(line)") }
    }
    if let span = object["span"] {
        guard let span = span as? [Any], span.count == 2, let start = number(span[0]),
            let end = number(span[1]), 0 <= start, start <= end, end <= Double(textLength)
        else { fuzzFailure("span outside the text of \(textLength) bytes: \(line)") }
    }
}

/// YYYY-MM-DD with a month 1...12 and a day that month can have.
func isCalendarDate(_ date: String) -> Bool {
    let parts = date.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
        (1...12).contains(month), day >= 1
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= days[month - 1]
}

/// A JSON number as JSONSerialization returns it (Int, Double or NSNumber), nil for anything else.
func number(_ value: Any?) -> Double? {
    switch value {
    case let value as Int: Double(value)
    case let value as Double: value
    case let value as NSNumber where !(value is Bool): value.doubleValue
    default: nil
    }
}
