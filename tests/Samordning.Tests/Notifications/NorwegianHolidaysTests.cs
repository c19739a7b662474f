using Samordning.Notifications.Scheduling;

namespace Samordning.Tests.Notifications;

public sealed class NorwegianHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_KnownYears_MatchesTheCalendar(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), NorwegianHolidays.EasterSunday(year));

    [Fact]
    public void Of_2026_TheTwelveNorwegianHolidays()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 4, 2), new(2026, 4, 3), new(2026, 4, 5), new(2026, 4, 6), new(2026, 5, 1),
            new(2026, 5, 17), new(2026, 5, 14), new(2026, 5, 24), new(2026, 5, 25), new(2026, 12, 25), new(2026, 12, 26),
        ];
        Assert.Equal(expected.Order(), NorwegianHolidays.Of(2026).Order());
    }

    [Theory]
    [InlineData("2025-05-29", true)]  // Ascension Day 2025
    [InlineData("2025-06-09", true)]  // Whit Monday 2025
    [InlineData("2025-06-10", false)]
    [InlineData("2027-03-25", true)]  // Maundy Thursday 2027
    [InlineData("2028-04-17", true)]  // Easter Monday 2028
    [InlineData("2028-05-25", true)]  // Ascension Day 2028
    [InlineData("2028-12-27", false)]
    public void IsHoliday_Dates_AsTheLawSays(string date, bool holiday) =>
        Assert.Equal(holiday, NorwegianHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2027-03-31", 2, "2027-03-24")] // over Easter: Thu 25 – Mon 29 are not working days
    [InlineData("2026-05-18", 1, "2026-05-15")] // over a weekend; 17 May is a Sunday
    [InlineData("2025-12-29", 1, "2025-12-24")] // over Christmas: 25 and 26 December, then the weekend
    [InlineData("2026-04-01", -1, "2026-04-07")] // after: Easter Thursday to Monday
    public void WorkingDaysBefore_HolidaysAndWeekends_Skipped(string from, int days, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NorwegianHolidays.WorkingDaysBefore(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));
}
