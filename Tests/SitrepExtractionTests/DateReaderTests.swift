import Testing

@testable import SitrepExtraction

struct DateReaderTests {
    /// Resolves the first date expression of `text` against a publication date.
    func resolve(_ text: String, published: String?) -> DateReader.Resolved? {
        let anchor = published.flatMap(CivilDate.init(iso:)).map {
            DateReader.Anchor(date: $0, isPublication: true)
        }
        guard let found = DateReader.find(Shared.tokens(text)).first else { return nil }
        return DateReader.resolve(found.expression, anchor: anchor, previous: nil)
    }

    @Test(arguments: [
        ("On 12 February 2022 troops moved.", nil, "2022-02-12", DatePrecision.day),
        ("01/01/2011: a blast", nil, "2011-01-01", .day),
        ("It happened on March 11, 2020.", nil, "2020-03-11", .day),
        ("It happened on 2020-03-11.", nil, "2020-03-11", .day),
        ("13/04/2019 was the day", nil, "2019-04-13", .day),
        ("Rockets hit on Wednesday.", "2020-03-13", "2020-03-11", .day),
        ("Police said yesterday that", "2020-03-13", "2020-03-12", .day),
        ("Clashes erupted last week.", "2020-03-13", "2020-03-02", .week),
        ("In early January the army moved.", "2020-03-13", "2020-01-01", .month),
        ("In mid-January 2021 militias attacked.", nil, "2021-01-01", .month),
        ("In mid-February the army moved.", "2020-03-13", "2020-02-01", .month),
        ("On December 30 rebels attacked.", "2020-01-05", "2019-12-30", .day),
        ("It was built in 2019.", "2020-03-13", "2019-01-01", .year),
        ("Three days ago rebels attacked.", "2020-03-13", "2020-03-10", .day),
    ])
    func resolvesExplicitAndRelativeDates(
        text: String, published: String?, date: String, precision: DatePrecision
    ) {
        let resolved = resolve(text, published: published)
        #expect(resolved?.date.iso == date)
        #expect(resolved?.precision == precision)
    }

    @Test func weekdayWithDayOfMonthFixesTheYearWithinTheNamedPeoplesTerms() {
        // March 11 fell on a Wednesday in 2009, 2015, 2020 and 2026.
        #expect(
            DateReader.year(
                month: 3, day: 11, weekday: 3, activeYears: [[2019...2020]], mentionedYears: [],
                defaultYear: 2026) == 2020)
        #expect(
            DateReader.year(
                month: 3, day: 11, weekday: 3, activeYears: [], mentionedYears: [2014], defaultYear: 2026)
                == 2015)
        #expect(
            DateReader.year(
                month: 3, day: 11, weekday: 3, activeYears: [], mentionedYears: [], defaultYear: 2025) == 2020
        )
    }

    @Test(arguments: [("2020-03-11", 3), ("1970-01-01", 4), ("2000-02-29", 2), ("2026-11-24", 2)])
    func weekdaysAreRight(iso: String, weekday: Int) {
        #expect(CivilDate(iso: iso)?.weekday == weekday)
        #expect(CivilDate(iso: iso).map { CivilDate(dayNumber: $0.dayNumber) } == CivilDate(iso: iso))
    }

    @Test(arguments: ["2021-02-30", "2021-13-01", "not a date"])
    func invalidDatesAreRejected(iso: String) {
        #expect(CivilDate(iso: iso) == nil)
    }

    @Test(arguments: [
        ("HERAT, Afghanistan, 10 June 2021 \u{2014} Gunmen shot dead two guards on Tuesday.", "2021-06-08"),
        ("On 10 June 2021, gunmen shot dead two guards in Herat.", "2021-06-10"),
    ])
    func aDatelineDatesTheReportNotTheEvent(text: String, date: String) {
        #expect(Shared.events(text).first?.date == date)
    }
}
