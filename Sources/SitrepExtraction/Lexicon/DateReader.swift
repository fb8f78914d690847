/// Finds date expressions in a sentence and resolves them to calendar dates.
enum DateReader {
    /// What the text says, before resolution.
    enum Expression: Sendable, Equatable {
        case full(CivilDate)
        case monthDay(month: Int, day: Int, weekday: Int?)
        case monthYear(month: Int, year: Int)
        case month(Int)
        case year(Int)
        case weekday(Int)
        case daysBefore(Int)
        case weekBefore
        case monthBefore
        case yearBefore
        /// "later", "subsequently", "the next day": the event follows the one told before.
        case later(days: Int)
    }

    struct Mention: Sendable, Equatable {
        var expression: Expression
        var tokenIndex: Int
        var length: Int
    }

    /// Where relative expressions are resolved from.
    struct Anchor: Sendable, Equatable {
        var date: CivilDate
        /// From the publication date or a dateline: "on Wednesday" looks back. Otherwise (a date
        /// read from the story) a weekday is the nearest one.
        var isPublication: Bool
    }

    struct Resolved: Sendable, Equatable {
        var date: CivilDate
        var precision: DatePrecision
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]
    static let smallNumbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "few": 3,
        "several": 3,
    ]

    static func dayOfMonth(_ token: Token) -> Int? {
        guard token.kind == .number else { return nil }
        var value = 0
        var digits = 0
        for byte in token.key.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                // A day has at most two digits; a longer run would overflow before it is rejected.
                guard digits < 2 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if digits > 0 {
                // 11th, 1st, 2nd, 3rd
                let suffix = token.key.utf8.dropFirst(digits)
                guard ["st", "nd", "rd", "th"].contains(String(decoding: suffix, as: UTF8.self)) else {
                    return nil
                }
                break
            }
        }
        return digits > 0 && value >= 1 && value <= 31 ? value : nil
    }

    static func year(_ token: Token) -> Int? {
        guard token.kind == .number, token.key.utf8.count == 4, let value = Int(token.key),
            value >= 1900 && value <= 2100
        else { return nil }
        return value
    }

    /// Numeric dates: 2020-03-11, 11/03/2020 (day first when the first part exceeds 12), 03/11/2020.
    static func numericDate(_ key: String) -> CivilDate? {
        let separators: Set<Character> = ["-", "/", "."]
        guard let separator = key.first(where: { separators.contains($0) }) else { return nil }
        let parts = key.split(separator: separator).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        if parts[0] >= 1900 { return CivilDate.valid(year: parts[0], month: parts[1], day: parts[2]) }
        guard parts[2] >= 1900 && parts[2] <= 2100 else { return nil }
        if parts[0] > 12 || separator == "." {
            return CivilDate.valid(year: parts[2], month: parts[1], day: parts[0])
        }
        return CivilDate.valid(year: parts[2], month: parts[0], day: parts[1])
    }

    /// Words that can begin a date expression: one set lookup rules out every other word.
    static let startWords: WordSet = WordSet(months.keys).union(weekdays.keys).union(
        months.keys.map { "mid-" + $0 }
    )
    .union([
        "yesterday", "today", "tonight", "overnight", "last", "past", "earlier", "later", "subsequently",
        "afterwards", "thereafter", "next", "following", "a",
        "one", "two", "three", "four", "five", "six", "seven", "few", "several",
    ])

    static func find(_ tokens: [Token]) -> [Mention] {
        var mentions: [Mention] = []
        var i = 0
        while i < tokens.count {
            if tokens[i].kind == .punctuation
                || tokens[i].kind == .word && !startWords.contains(tokens[i])
            {
                i += 1
                continue
            }
            if let (expression, length) = read(tokens, at: i) {
                mentions.append(Mention(expression: expression, tokenIndex: i, length: length))
                i += length
            } else {
                i += 1
            }
        }
        return mentions
    }

    private static func key(_ tokens: [Token], _ i: Int) -> String { i < tokens.count ? tokens[i].key : "" }

    static func read(_ tokens: [Token], at i: Int) -> (Expression, Int)? {
        let token = tokens[i]
        let k = token.key
        if token.kind == .number {
            if k.utf8.count >= 8, let date = numericDate(k) { return (.full(date), 1) }
            // 12 February 2022, 12th of February
            if let day = dayOfMonth(token) {
                var j = i + 1
                if key(tokens, j) == "of" { j += 1 }
                if j < tokens.count, let month = months[tokens[j].key],
                    tokens[j].isCapitalized || tokens[j].key.count > 3
                {
                    var end = j + 1
                    if key(tokens, end) == "." { end += 1 }
                    if key(tokens, end) == "," { end += 1 }
                    if end < tokens.count, let y = year(tokens[end]),
                        let date = CivilDate.valid(year: y, month: month, day: day)
                    {
                        return (.full(date), end + 1 - i)
                    }
                    return (.monthDay(month: month, day: day, weekday: weekdayBefore(tokens, i)), j + 1 - i)
                }
            }
            if let y = year(token), i > 0, ["in", "since", "during", "of"].contains(tokens[i - 1].key) {
                return (.year(y), 1)
            }
            // "two days ago" with digits
            if let n = Int(k), n <= 31, key(tokens, i + 1) == "days" || key(tokens, i + 1) == "day",
                key(tokens, i + 2) == "ago"
            {
                return (.daysBefore(n), 3)
            }
            return nil
        }
        guard token.kind == .word else { return nil }
        // "mid-January 2021" is one token: the month after "mid-".
        if k.hasPrefix("mid-"), let month = months[String(k.dropFirst(4))] {
            if i + 1 < tokens.count, let y = year(tokens[i + 1]) {
                return (.monthYear(month: month, year: y), 2)
            }
            return (.month(month), 1)
        }
        if let month = months[k], token.isCapitalized || (k.count > 3 && k != "may" && k != "march") {
            var j = i + 1
            if key(tokens, j) == "." { j += 1 }
            if j < tokens.count, let day = dayOfMonth(tokens[j]) {
                var end = j + 1
                if key(tokens, end) == "," { end += 1 }
                if end < tokens.count, let y = year(tokens[end]),
                    let date = CivilDate.valid(year: y, month: month, day: day)
                {
                    return (.full(date), end + 1 - i)
                }
                return (.monthDay(month: month, day: day, weekday: weekdayBefore(tokens, i)), j + 1 - i)
            }
            if j < tokens.count, let y = year(tokens[j]) {
                return (.monthYear(month: month, year: y), j + 1 - i)
            }
            // A bare month needs a preposition or a part-of-month word before it ("in January", "early March").
            if i > 0,
                ["in", "early", "late", "mid", "of", "since", "during", "until", "last", "this"].contains(
                    tokens[i - 1].key)
                    || k.count > 5
            {
                return (.month(month), 1)
            }
            return nil
        }
        if let weekday = weekdays[k] {
            // "Wednesday, March 11" is read at the month; the weekday alone otherwise.
            var j = i + 1
            if key(tokens, j) == "," { j += 1 }
            if j < tokens.count, months[tokens[j].key] != nil, j + 1 < tokens.count,
                dayOfMonth(tokens[j + 1]) != nil
            {
                return nil
            }
            if i >= 1 && tokens[i - 1].key == "last" && key(tokens, i + 1) == "week" { return nil }
            return (.weekday(weekday), 1)
        }
        switch k {
        case "yesterday": return (.daysBefore(1), 1)
        case "today", "tonight": return (.daysBefore(0), 1)
        case "overnight": return (.daysBefore(0), 1)
        case "last", "past":
            switch key(tokens, i + 1) {
            case "night": return (.daysBefore(k == "last" ? 1 : 0), 2)
            case "week": return (.weekBefore, 2)
            case "month": return (.monthBefore, 2)
            case "year": return (.yearBefore, 2)
            default: return nil
            }
        case "earlier":
            if key(tokens, i + 1) == "this" && key(tokens, i + 2) == "week" { return (.daysBefore(3), 3) }
            return nil
        case "later", "subsequently", "afterwards", "thereafter":
            return (.later(days: 0), 1)
        case "next", "following":
            if key(tokens, i + 1) == "day" || key(tokens, i + 1) == "morning" { return (.later(days: 1), 2) }
            return nil
        default:
            if let n = smallNumbers[k], key(tokens, i + 1).hasPrefix("day"), key(tokens, i + 2) == "ago" {
                return (.daysBefore(n), 3)
            }
            return nil
        }
    }

    /// "Wednesday, March 11": the weekday named just before a month.
    private static func weekdayBefore(_ tokens: [Token], _ i: Int) -> Int? {
        var j = i - 1
        if j >= 0 && (tokens[j].key == "," || tokens[j].key == "the") { j -= 1 }
        guard j >= 0 else { return nil }
        return weekdays[tokens[j].key]
    }

    /// The date an expression names, given the anchor and the last date the story told.
    static func resolve(_ expression: Expression, anchor: Anchor?, previous: Resolved?) -> Resolved? {
        switch expression {
        case .full(let date): return Resolved(date: date, precision: .day)
        case .monthYear(let month, let year):
            return CivilDate.valid(year: year, month: month, day: 1).map {
                Resolved(date: $0, precision: .month)
            }
        case .year(let year): return Resolved(date: CivilDate(year: year, month: 1, day: 1), precision: .year)
        case .later(let days):
            guard let previous else { return nil }
            return Resolved(date: previous.date.adding(days: days), precision: previous.precision)
        default: break
        }
        guard let anchor else { return nil }
        let base = anchor.date
        switch expression {
        case .monthDay(let month, let day, _):
            var year = base.year
            guard var date = CivilDate.valid(year: year, month: month, day: day) else { return nil }
            if anchor.isPublication, date.dayNumber > base.dayNumber + 2 {
                year -= 1
            } else if !anchor.isPublication, date.dayNumber - base.dayNumber > 183 {
                year -= 1
            } else if !anchor.isPublication, base.dayNumber - date.dayNumber > 183 {
                year += 1
            }
            guard let adjusted = CivilDate.valid(year: year, month: month, day: day) else { return nil }
            date = adjusted
            return Resolved(date: date, precision: .day)
        case .month(let month):
            var year = base.year
            if month > base.month + (anchor.isPublication ? 0 : 6) { year -= 1 }
            return Resolved(date: CivilDate(year: year, month: month, day: 1), precision: .month)
        case .weekday(let weekday):
            var delta = weekday - base.weekday
            if anchor.isPublication {
                if delta > 0 { delta -= 7 }
            } else {
                if delta > 3 { delta -= 7 }
                if delta < -3 { delta += 7 }
            }
            return Resolved(date: base.adding(days: delta), precision: .day)
        case .daysBefore(let n): return Resolved(date: base.adding(days: -n), precision: .day)
        case .weekBefore:
            // The Monday of the week before.
            let monday = base.adding(days: -((base.weekday + 6) % 7) - 7)
            return Resolved(date: monday, precision: .week)
        case .monthBefore:
            let month = base.month == 1 ? 12 : base.month - 1
            return Resolved(
                date: CivilDate(year: base.month == 1 ? base.year - 1 : base.year, month: month, day: 1),
                precision: .month)
        case .yearBefore:
            return Resolved(date: CivilDate(year: base.year - 1, month: 1, day: 1), precision: .year)
        default: return nil
        }
    }

    /// The year of "Wednesday, March 11" when nothing else gives it: a year where that day is that
    /// weekday, inside the years the named people held office when known, nearest the years the text
    /// mentions, else the latest not after `defaultYear`.
    static func year(
        month: Int, day: Int, weekday: Int, activeYears: [[ClosedRange<Int>]], mentionedYears: [Int],
        defaultYear: Int
    ) -> Int? {
        var candidates = (1950...(defaultYear + 1)).filter {
            CivilDate.valid(year: $0, month: month, day: day)?.weekday == weekday
        }
        for ranges in activeYears {
            let narrowed = candidates.filter { year in ranges.contains { $0.contains(year) } }
            if !narrowed.isEmpty { candidates = narrowed }
        }
        if let latest = mentionedYears.max() {
            return candidates.min { abs($0 - latest) < abs($1 - latest) }
        }
        return candidates.filter { $0 <= defaultYear }.last ?? candidates.last
    }
}
