import Foundation
import SitrepExport
import Testing

/// `sitrep export` and `sitrep map` on a log written here, with events at known places.
@Suite struct ExportAndMapTests {
    static let lines = [
        #"{"schema":"sitrep.event/1","id":"a1","type":"ASSAULT","acled":{"event_type":"Battles","sub_event_type":"Armed clash"},"date":"2024-03-02","location":{"name":"Khartoum","country":"SD","lat":15.5,"lon":32.56,"precision":"city"},"killed":30,"sentence":"Fighting in Khartoum killed 30."}"#,
        #"{"schema":"sitrep.event/1","id":"a2","type":"PROTEST","acled":{"event_type":"Protests","sub_event_type":"Peaceful protest"},"date":"2024-03-04","location":{"name":"Cairo","country":"EG","lat":30.04,"lon":31.24,"precision":"city"},"sentence":"=cmd|' /C calc'!A0"}"#,
        #"{"schema":"sitrep.event/1","id":"a3","type":"PROTEST","acled":{"event_type":"Riots","sub_event_type":"Violent demonstration"},"date":"2024-03-06","location":{"name":"Nairobi","country":"KE","lat":-1.29,"lon":36.82,"precision":"city"},"killed":4}"#,
        #"{"schema":"sitrep.event/1","id":"a4","type":"CONSULT","date":"2024-02-01","sentence":"Talks, no place."}"#,
        #"{"schema":"sitrep.event/1","id":"torn","type":"#,
    ]

    /// The log in `sandbox`, which the caller keeps alive (its deinit removes the directory).
    func writeLog(_ sandbox: Sandbox) throws -> String {
        let path = sandbox.root + "/events.jsonl"
        try (Self.lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func csvExportReadsBackWithFiltersAndNeutralisedFormulas() throws {
        let sandbox = Sandbox()
        let log = try writeLog(sandbox)
        let all = try SitrepRun(["export", "--format", "csv", log])
        #expect(all.status == 0)
        #expect(all.standardError.contains("1 line(s) were not event records"))
        let rows = all.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country"))
        #expect(rows[2].contains(",'=cmd|' /C calc'!A0,"))
        let filtered = try SitrepRun(["export", "--format", "csv", "--since", "2024-03-03", "--country", "ke", log])
        let kept = filtered.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(kept.count == 2 && kept[1].hasPrefix("a3,2024-03-06,2024,"))
        let typed = try SitrepRun(["export", "--format", "csv", "--type", "Battles", "--type", "consult", log])
        #expect(typed.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
    }

    @Test func geoJSONAndKMLExportsToAFile() throws {
        let sandbox = Sandbox()
        let log = try writeLog(sandbox)
        let out = sandbox.root + "/events.geojson"
        let run = try SitrepRun(["export", "--format", "geojson", "-o", out, log])
        #expect(run.status == 0 && run.standardOutput.isEmpty)
        let root = try #require(
            try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.map { $0["id"] as? String } == ["a1", "a2", "a3", "a4"])
        #expect(((features[2]["geometry"] as? [String: Any])?["coordinates"] as? [Double]) == [36.82, -1.29])
        #expect(features[3]["geometry"] is NSNull)
        let kml = try SitrepRun(["export", "--format", "kml", log])
        #expect(kml.standardOutput.components(separatedBy: "<Placemark ").count - 1 == 3)
        #expect(kml.standardOutput.hasSuffix("</kml>\n"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let sandbox = Sandbox()
        let log = try writeLog(sandbox)
        #expect(try SitrepRun(["export", "--format", "xls", log]).status == 2)
        #expect(try SitrepRun(["export", "--format", "csv", "--since", "March", log]).status == 2)
        #expect(try SitrepRun(["map", "-o", "map.gif", log]).status == 2)
        #expect(try SitrepRun(["export", "--format", "csv", "/nonexistent/events.jsonl"]).status == 1)
    }

    /// The HTML map rendered by headless Chromium: not blank, and each dot's colour where its event is.
    @Test(.enabled(if: Chromium.path != nil && Chromium.python != nil, "needs chromium and python3"))
    func theHTMLMapShowsEachDotInItsPlace() throws {
        let sandbox = Sandbox()
        let log = try writeLog(sandbox)
        let html = sandbox.root + "/map.html"
        let run = try SitrepRun(["map", "-o", html, "--width", "900", "--height", "600", log])
        #expect(run.status == 0)
        #expect(run.standardError.contains("3 of 4 events mapped"))
        let png = sandbox.root + "/map.png"
        try Chromium.screenshot(html, to: png, width: 900, height: 600)

        // Where the dots must be: the same projection the command used.
        let events = Self.lines.compactMap { ExportEvent.decode(line: Array($0.utf8)) }
        let renderer = MapRenderer(outlines: CountryOutlines(rings: []), width: 900, height: 600)
        let view = renderer.plan(events).projection
        var probes: [(x: Int, y: Int, colour: String)] = []
        for event in events {
            guard let point = event.coordinates else { continue }
            let (x, y) = view.project(lat: point.lat, lon: point.lon)
            probes.append((Int(x.rounded()), Int(y.rounded()), ACLEDColour.colour(for: event.acled?.eventType)))
        }
        let pixels = try Chromium.pixels(png, at: probes.map { ($0.x, $0.y) } + [(880, 580)])
        for (probe, pixel) in zip(probes, pixels) {
            let expected = Chromium.rgb(probe.colour)
            let distance = zip(pixel.rgb, expected).map { abs($0 - $1) }.max() ?? 255
            #expect(distance < 60, "dot \(probe.colour) at \(probe.x),\(probe.y) shows \(pixel.rgb)")
        }
        // A corner far from every dot shows no dot colour, and the picture is not blank.
        let corner = pixels.last!.rgb
        for probe in probes {
            #expect(zip(corner, Chromium.rgb(probe.colour)).map { abs($0 - $1) }.max()! > 60)
        }
        #expect(pixels.first!.distinctColours > 20)
    }
}

/// Headless Chromium and a PNG reader (Python's zlib), found on PATH.
enum Chromium {
    static func find(_ names: [String]) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }

    static let path = find(["chromium", "chromium-browser"])
    static let python = find(["python3"])

    static func screenshot(_ html: String, to png: String, width: Int, height: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        let profile = NSTemporaryDirectory() + "sitrep-chromium-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile)", "--window-size=\(width),\(height)", "--screenshot=\(png)",
            "file://\(html)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: png), "chromium wrote no screenshot")
    }

    struct Pixel {
        var rgb: [Int]
        var distinctColours: Int
    }

    /// RGB at each (x, y) of an 8-bit RGB or RGBA PNG, and how many distinct colours the picture has.
    static func pixels(_ png: String, at points: [(Int, Int)]) throws -> [Pixel] {
        let script = """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            pos, idat, width, height, kind = 8, b'', 0, 0, 0
            while pos < len(data):
                length, tag = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if tag == b'IHDR':
                    width, height, depth, kind = struct.unpack('>IIBB', body[:10])
                    assert depth == 8 and kind in (2, 6), (depth, kind)
                elif tag == b'IDAT':
                    idat += body
                pos += 12 + length
            bpp = 3 if kind == 2 else 4
            raw, stride = zlib.decompress(idat), width * bpp
            rows, prev, i = [], bytearray(stride), 0
            for _ in range(height):
                f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
                for x in range(stride):
                    a = line[x - bpp] if x >= bpp else 0
                    b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                    if f == 1: line[x] = (line[x] + a) & 255
                    elif f == 2: line[x] = (line[x] + b) & 255
                    elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                rows.append(line); prev = line
            colours = len({bytes(r[x:x + 3]) for r in rows[::7] for x in range(0, stride, bpp * 7)})
            for arg in sys.argv[2:]:
                x, y = map(int, arg.split(','))
                print(rows[y][x * bpp], rows[y][x * bpp + 1], rows[y][x * bpp + 2], colours)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script, png] + points.map { "\($0.0),\($0.1)" }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map { line in
            let numbers = line.split(separator: " ").compactMap { Int($0) }
            return Pixel(rgb: Array(numbers.prefix(3)), distinctColours: numbers.last ?? 0)
        }
    }

    static func rgb(_ hex: String) -> [Int] {
        let digits = Array(hex.dropFirst())
        return stride(from: 0, to: 6, by: 2).map { Int(String(digits[$0...$0 + 1]), radix: 16)! }
    }
}
