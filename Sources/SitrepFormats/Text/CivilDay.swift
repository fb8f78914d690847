/// A day number (days since 1970-01-01) as a proleptic Gregorian year, month and day: the one copy
/// of H. Hinnant's days-to-civil algorithm, exact for any day number an `Int64` time gives.
public struct CivilDay: Sendable, Equatable {
    public var year: Int64
    public var month: Int64
    public var day: Int64

    public init(dayNumber: Int64) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The UTC day of a Unix time (floor division, so times before 1970 fall on the right day).
    public init(epochSeconds seconds: Int64) {
        self.init(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}
