import SitrepFormats

/// A proleptic Gregorian calendar date with day arithmetic (no time zone, no clock).
struct CivilDate: Sendable, Equatable, Comparable, Hashable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Only real dates: month 1...12 and a day that exists in that month.
    static func valid(year: Int, month: Int, day: Int) -> CivilDate? {
        guard (1...12).contains(month), year >= 1, year <= 9999, day >= 1,
            day <= daysIn(month: month, year: year)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(dayNumber: Int) {
        let civil = CivilDay(dayNumber: Int64(dayNumber))
        self.init(year: Int(civil.year), month: Int(civil.month), day: Int(civil.day))
    }

    /// 0 = Sunday ... 6 = Saturday.
    var weekday: Int {
        let n = (dayNumber + 4) % 7
        return n < 0 ? n + 7 : n
    }

    func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// "YYYY-MM-DD" or the start of an RFC 3339 timestamp.
    init?(iso: String) {
        let bytes = Array(iso.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                guard bytes[k] >= 0x30 && bytes[k] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[k] - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
            let date = CivilDate.valid(year: y, month: m, day: d)
        else { return nil }
        self = date
    }

    var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}
