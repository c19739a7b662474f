using Samordning.Shared.Time;

namespace Samordning.Tests.Shared.Time;

public sealed class OsloTests
{
    [Theory]
    // Summer time starts 2026-03-29 at 01:00 UTC (02:00 local jumps to 03:00).
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29T01:59:00", 1)]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T03:00:00", 2)]
    // Summer time ends 2026-10-25 at 01:00 UTC (03:00 local falls back to 02:00).
    [InlineData("2026-10-25T00:59:00Z", "2026-10-25T02:59:00", 2)]
    [InlineData("2026-10-25T01:00:00Z", "2026-10-25T02:00:00", 1)]
    [InlineData("2026-01-15T12:00:00Z", "2026-01-15T13:00:00", 1)]
    [InlineData("2026-07-15T12:00:00Z", "2026-07-15T14:00:00", 2)]
    public void ToOslo_InstantAroundDaylightSaving_LocalTimeAndOffset(string utc, string local, int offsetHours)
    {
        var result = Oslo.ToOslo(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), result.DateTime);
        Assert.Equal(TimeSpan.FromHours(offsetHours), result.Offset);
    }

    [Fact]
    public void ToOslo_AnyInstant_SameInstant()
    {
        var instant = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero);
        Assert.Equal(instant, Oslo.ToOslo(instant));
    }
}
