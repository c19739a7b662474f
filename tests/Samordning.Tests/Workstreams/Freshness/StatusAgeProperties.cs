using CsCheck;
using Samordning.Shared.Time;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Freshness;

// The status's age in Oslo calendar days, over instants around midnight, month and year ends and the nights the
// clocks change (last Sunday of March and of October), where a day is 23 or 25 hours long.
public sealed class StatusAgeProperties
{
    // Oslo wall-clock dates near the calendar's edges: DST changes, month and year ends, leap days.
    private static readonly Gen<DateOnly> EdgeDate = Gen.OneOf(
        Gen.Select(Gen.Int[2000, 2099], Gen.Int[-2, 2], (year, shift) => LastSunday(year, 3).AddDays(shift)),
        Gen.Select(Gen.Int[2000, 2099], Gen.Int[-2, 2], (year, shift) => LastSunday(year, 10).AddDays(shift)),
        Gen.Select(Gen.Int[2001, 2099], Gen.Int[1, 12], Gen.Int[-1, 1], (year, month, shift) => new DateOnly(year, month, 1).AddDays(shift)),
        Gen.Select(Gen.Int[2000, 2099], Gen.Int[1, 365], (year, day) => new DateOnly(year, 1, 1).AddDays(day - 1)));

    // A wall-clock time, weighted to the minutes around midnight and the clock change (02:00–03:00).
    private static readonly Gen<TimeOnly> EdgeTime = Gen.OneOf(
        Gen.Int[0, 59].Select(m => new TimeOnly(0, m)),
        Gen.Int[0, 59].Select(m => new TimeOnly(23, m)),
        Gen.Int[0, 59].Select(m => new TimeOnly(1, m)),
        Gen.Int[0, 59].Select(m => new TimeOnly(3, m)),
        Gen.Int[0, 1439].Select(m => new TimeOnly(m / 60, m % 60)));

    private static readonly Gen<DateTimeOffset> Instant = Gen.Select(EdgeDate, EdgeTime, (date, time) => DateRange.FromOsloLocal(date.ToDateTime(time)));

    [Fact]
    public void DaysSince_SameWallClockOnTwoDates_TheDatesDifferenceAcrossClockChanges() =>
        Gen.Select(EdgeDate, EdgeTime, Gen.Int[0, 400]).Sample((date, time, days) =>
        {
            var confirmed = DateRange.FromOsloLocal(date.ToDateTime(time));
            var now = DateRange.FromOsloLocal(date.AddDays(days).ToDateTime(time));

            Assert.Equal(Oslo.DateOf(now).DayNumber - Oslo.DateOf(confirmed).DayNumber, StatusAge.DaysSince(confirmed, now));
            Assert.Equal(days, StatusAge.DaysSince(DateRange.FromOsloLocal(date.ToDateTime(new TimeOnly(12, 0))), DateRange.FromOsloLocal(date.AddDays(days).ToDateTime(new TimeOnly(12, 0)))));
        });

    [Fact]
    public void OlderThan_AnyInstants_FilterAgreesWithTheAgeShown() =>
        Gen.Select(Instant, Gen.Int[0, 200].Select(d => TimeSpan.FromHours(d * 12 + 1)), Gen.Int[1, 120]).Sample((confirmed, elapsed, days) =>
        {
            var now = confirmed + elapsed;

            Assert.Equal(StatusAge.DaysSince(confirmed, now) >= days, confirmed < StatusAge.OlderThan(days, now));
        });

    [Fact]
    public void OlderThan_AnyNow_MidnightInOslo() =>
        Gen.Select(Instant, Gen.Int[1, 120]).Sample((now, days) =>
        {
            var cutoff = Oslo.ToOslo(StatusAge.OlderThan(days, now));

            Assert.Equal(TimeSpan.Zero, cutoff.TimeOfDay);
            Assert.Equal(Oslo.DateOf(now).AddDays(1 - days), DateOnly.FromDateTime(cutoff.DateTime));
        });

    // The calendar's first days (a value stored before the app's date range was enforced, a clock gone wrong): the
    // cutoff is the calendar's start, or the midnight the arithmetic gives, and never an exception. (The generator
    // above once drew 31 December 1999, which the app's date range turns into the calendar's start.)
    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 103)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(400, 120)]
    public void OlderThan_NowAtTheCalendarsStart_CalendarsStartOrMidnight(int daysAfterStart, int days)
    {
        var now = DateTimeOffset.MinValue.AddDays(daysAfterStart);

        var cutoff = StatusAge.OlderThan(days, now);

        var expected = Oslo.DateOf(now).DayNumber + 1 - days;
        if (expected <= DateOnly.MinValue.DayNumber)
        {
            Assert.Equal(DateTimeOffset.MinValue, cutoff);
        }
        else
        {
            Assert.Equal(DateOnly.FromDayNumber(expected), DateOnly.FromDateTime(Oslo.ToOslo(cutoff).DateTime));
            Assert.Equal(TimeSpan.Zero, Oslo.ToOslo(cutoff).TimeOfDay);
        }
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
