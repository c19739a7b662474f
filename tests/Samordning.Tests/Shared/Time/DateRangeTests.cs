using Samordning.Shared.Time;
using Samordning.Shared.Validation;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Time;

public sealed class DateRangeTests
{
    [Theory]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("2101-01-01", false)]
    public void Contains_AtTheRangesEdges_OnlyInside(string date, bool inside) =>
        Assert.Equal(inside, DateRange.Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Contains_InstantJustBeforeOsloMidnight_UsesTheOsloDate()
    {
        // 31 December 2100 at 23:30 UTC is already 1 January 2101 in Oslo.
        Assert.False(DateRange.Contains(new DateTimeOffset(2100, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.True(DateRange.Contains(new DateTimeOffset(1999, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AddClamped_PastTheCalendarsEnds_HeldAtTheEnds()
    {
        Assert.Equal(DateTimeOffset.MaxValue, DateRange.AddClamped(DateTimeOffset.MaxValue, TimeSpan.FromSeconds(1)));
        Assert.Equal(DateTimeOffset.MinValue, DateRange.AddClamped(DateTimeOffset.MinValue, TimeSpan.FromDays(-1)));
        Assert.Equal(DateTimeOffset.MaxValue, DateRange.AddClamped(new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AddMonthsClamped_PastTheCalendarsEnds_HeldAtTheEnds()
    {
        Assert.Equal(DateTimeOffset.MaxValue, DateRange.AddMonthsClamped(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), 12));
        Assert.Equal(DateTimeOffset.MinValue, DateRange.AddMonthsClamped(DateTimeOffset.MinValue, -1));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero), DateRange.AddMonthsClamped(new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero), 12));
    }

    [Fact]
    public void FromOsloLocal_TheCalendarsFirstMoment_OutOfRangeInsteadOfOverflow()
    {
        // Oslo is ahead of UTC, so year 1's first local moment has no UTC instant at all.
        Assert.False(DateRange.Contains(DateRange.FromOsloLocal(DateTime.MinValue)));
        Assert.False(DateRange.Contains(DateRange.FromOsloLocal(DateTime.MaxValue)));
        Assert.Equal(new DateTimeOffset(2018, 4, 6, 21, 59, 0, TimeSpan.Zero), DateRange.FromOsloLocal(new DateTime(2018, 4, 6, 23, 59, 0)));
    }

    [Fact]
    public void InDateRange_OutOfRange_NamesTheFieldAndTheRange()
    {
        using var culture = UiCulture.Use("nb-NO");
        var errors = new FieldErrors()
            .InDateRange("Deadline", new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), new("Fristen", "The deadline"))
            .InDateRange("StartDate", new DateOnly(2026, 1, 1), new("Startdatoen", "The start date"))
            .InDateRange("EndDate", (DateOnly?)null, new("Sluttdatoen", "The end date"));

        var message = Assert.Single(Assert.Single(errors.ToDictionary()).Value);
        Assert.Equal("Fristen må være mellom 1. januar 2000 og 31. desember 2100 (norsk tid).", message);
        Assert.True(errors.Has("Deadline"));
    }
}
