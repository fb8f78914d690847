import Foundation

/// Distinct short articles, each reporting an event, generated from a seed.
struct Corpus {
    private static let places = [
        "Mosul", "Kandahar", "Aleppo", "Mogadishu", "Maiduguri", "Donetsk", "Sanaa", "Goma",
    ]
    private static let templates = [
        "Gunmen attacked a police post in %@ on %d March 2021, killing %d officers.",
        "A roadside bomb exploded near %@ on %d April 2021, killing %d soldiers.",
        "Government aircraft bombed rebel positions outside %@ on %d May 2021, killing %d fighters.",
        "Militants shelled a market in %@ on %d June 2021, killing %d civilians and wounding 7.",
    ]

    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    /// Article number `index`: unique text, at least one event.
    mutating func article(_ index: Int) -> String {
        let template = Self.templates[next(Self.templates.count)]
        let place = Self.places[next(Self.places.count)]
        let text = String(format: template, place, 1 + next(28), 2 + next(30))
        return "Report \(index)\n\n\(text)\n"
    }
}

/// Runs `sitrep extract` and returns the event ids it prints, with multiplicity.
func extractedEventIDs(_ paths: [String]) throws -> [String: Int] {
    guard !paths.isEmpty else { return [:] }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Binary.path)
    process.arguments = ["extract"] + paths
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return eventIDs(in: String(decoding: data, as: UTF8.self))
}

func eventIDs(in log: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    for line in log.split(separator: "\n") {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let id = object["id"] as? String
        else { continue }
        counts[id, default: 0] += 1
    }
    return counts
}
