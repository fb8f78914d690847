/// Publication dates as sources write them -> "YYYY-MM-DD" or RFC 3339. Pure string arithmetic: the
/// offset given is kept, nothing is converted to another zone.
public enum DateNormalizer {
    /// Understands ISO 8601 / RFC 3339 ("2024-03-05", "2024-03-05T10:00:00Z", "2024-03-05 10:00:00+02:00"),
    /// RFC 822/1123 ("Tue, 05 Mar 2024 10:00:00 GMT") and "March 5, 2024" / "5 March 2024".
    /// nil when the value is none of these.
    public static func normalize(_ raw: String) -> String? {
        let text = raw.trimmingSpaces
        let bytes = Array(text.utf8)
        if let iso = iso(bytes) { return iso }
        if let epoch = epoch(text) { return epoch }
        return worded(text)
    }

    /// A Unix time as RFC 3339 in UTC ("2024-03-05T10:00:00Z"); nil outside the years 1000-9999.
    public static func rfc3339(epochSeconds seconds: Int64) -> String? {
        guard (-30_610_224_000...253_402_300_799).contains(seconds) else { return nil }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let civil = CivilDay(dayNumber: days)
        let (year, month, day) = (Int(civil.year), Int(civil.month), Int(civil.day))
        guard (1000...9999).contains(year) else { return nil }
        return format(year: year, month: month, day: day) + "T" + pad(rest / 3600) + ":" + pad(rest / 60 % 60)
            + ":" + pad(rest % 60) + "Z"
    }

    /// A Unix time written as a number: 9 to 10 digits are seconds, 12 to 13 milliseconds (with an
    /// optional fraction), as JSON exports write `published`.
    static func epoch(_ text: String) -> String? {
        let whole = text.split(separator: ".", maxSplits: 1)
        guard let integer = whole.first, integer.allSatisfy({ $0.isASCII && $0.isNumber }),
            whole.count == 1 || whole[1].allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int64(integer)
        else { return nil }
        switch integer.count {
        case 9...10: return rfc3339(epochSeconds: value)
        case 12...13: return rfc3339(epochSeconds: value / 1000)
        default: return nil
        }
    }

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    private static let zoneOffsets: [String: String] = [
        "GMT": "Z", "UT": "Z", "UTC": "Z", "Z": "Z", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
        "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
        "CET": "+01:00", "CEST": "+02:00", "BST": "+01:00", "IST": "+05:30", "JST": "+09:00",
    ]

    private static func iso(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 10, let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
            let month = number(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"), let day = number(bytes, 8, 2),
            isValid(year: year, month: month, day: day)
        else {
            return compactISO(bytes)
        }
        let date = format(year: year, month: month, day: day)
        guard bytes.count > 10 else { return date }
        guard
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
                || bytes[10] == UInt8(ascii: " "),
            let time = clock(bytes, from: 11)
        else {
            return date
        }
        var cursor = time.end
        // Fractional seconds are kept as written.
        var fraction = ""
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
            var fractionEnd = cursor + 1
            while fractionEnd < bytes.count, ByteClass.isDigit(bytes[fractionEnd]) { fractionEnd += 1 }
            if fractionEnd > cursor + 1 {
                fraction = String(decoding: bytes[cursor..<fractionEnd], as: UTF8.self)
            }
            cursor = fractionEnd
        }
        let rest = String(decoding: bytes[cursor...], as: UTF8.self).trimmingSpaces
        guard let zone = offset(rest) else { return date }
        return "\(date)T\(time.text)\(fraction)\(zone)"
    }

    /// "20240305" as some feeds write it.
    private static func compactISO(_ bytes: [UInt8]) -> String? {
        guard bytes.count == 8, let year = number(bytes, 0, 4), let month = number(bytes, 4, 2),
            let day = number(bytes, 6, 2), isValid(year: year, month: month, day: day)
        else { return nil }
        return format(year: year, month: month, day: day)
    }

    /// "HH:MM[:SS]" at `start`, as "HH:MM:SS", and the index after it.
    private static func clock(_ bytes: [UInt8], from start: Int) -> (text: String, end: Int)? {
        guard let hour = number(bytes, start, 2), hour < 24, start + 2 < bytes.count,
            bytes[start + 2] == UInt8(ascii: ":"), let minute = number(bytes, start + 3, 2), minute < 60
        else { return nil }
        var second = 0
        var end = start + 5
        if end < bytes.count, bytes[end] == UInt8(ascii: ":"), let value = number(bytes, end + 1, 2),
            value <= 60
        {
            second = value
            end += 3
        }
        return (pad(hour) + ":" + pad(minute) + ":" + pad(second), end)
    }

    /// RFC 3339 offset for "Z", "+02:00", "+0200", "GMT", "EST"...; nil when absent or unknown.
    private static func offset(_ zone: String) -> String? {
        if let named = zoneOffsets[zone.uppercased()] { return named }
        let bytes = Array(zone.utf8)
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            return nil
        }
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy(ByteClass.isDigit) else { return nil }
        let hours = String(decoding: digits.prefix(2), as: UTF8.self)
        let minutes = digits.count == 4 ? String(decoding: digits.suffix(2), as: UTF8.self) : "00"
        if hours == "00" && minutes == "00" { return "Z" }
        return "\(Character(Unicode.Scalar(sign)))\(hours):\(minutes)"
    }

    /// RFC 822 ("Tue, 5 Mar 2024 10:00:00 +0000") and "March 5, 2024" / "5 March 2024" forms.
    private static func worded(_ text: String) -> String? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var time: String?
        var zone: String?
        for token in tokens {
            let lower = token.lowercased()
            if time != nil, zone == nil, let parsed = offset(token) {
                zone = parsed
            } else if month == nil, lower.count >= 3,
                let index = months.firstIndex(of: String(lower.prefix(3)))
            {
                month = index + 1
            } else if let value = Int(token), token.allSatisfy(\.isASCII) {
                if token.count == 4 && year == nil {
                    year = value
                } else if token.count <= 2 && day == nil {
                    day = value
                }
            } else if time == nil, token.contains(":"), let parsed = clock(Array(token.utf8), from: 0) {
                time = parsed.text
            } else if let value = Int(lower.filter(\.isNumber)), day == nil,
                ["st", "nd", "rd", "th"].contains(where: lower.hasSuffix)
            {
                day = value
            }
        }
        guard let year, let month, let day, isValid(year: year, month: month, day: day) else { return nil }
        let date = format(year: year, month: month, day: day)
        guard let time, let zone else { return date }
        return "\(date)T\(time)\(zone)"
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start >= 0, start + length <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + length) {
            guard ByteClass.isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    private static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func format(year: Int, month: Int, day: Int) -> String {
        "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
