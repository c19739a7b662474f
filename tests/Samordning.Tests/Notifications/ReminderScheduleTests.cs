using Samordning.Notifications.Scheduling;

namespace Samordning.Tests.Notifications;

public sealed class ReminderScheduleTests
{
    private static readonly ReminderSchedule Schedule = new(8, 20);
    private static readonly ReminderOffset[] Policy = [.. new[] { "7d", "2wd", "0d", "overdue" }.Select(ReminderOffset.Parse)];

    [Theory]
    [InlineData("7d", "7d")]
    [InlineData("2WD", "2wd")]
    [InlineData(" 0d ", "0d")]
    [InlineData("overdue", "overdue")]
    public void TryParse_ValidCodes_Parsed(string code, string normalised)
    {
        Assert.True(ReminderOffset.TryParse(code, out var offset));
        Assert.Equal(normalised, offset.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("-1d")]
    [InlineData("7 days")]
    [InlineData("999d")]
    public void TryParse_Nonsense_False(string code) => Assert.False(ReminderOffset.TryParse(code, out _));

    [Fact]
    public void FireAt_AutumnDstChange_StaysAtEightLocal()
    {
        // Due Tuesday 2 November 2027. Summer time ends on Sunday 31 October, so the 7-day reminder (26 October)
        // is at 08:00 summer time (06:00 UTC) and the one on the day at 08:00 winter time (07:00 UTC).
        var due = new DateTimeOffset(2027, 11, 2, 12, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2027, 10, 26, 6, 0, 0, TimeSpan.Zero), Schedule.FireAt(ReminderOffset.Parse("7d"), due).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2027, 11, 2, 7, 0, 0, TimeSpan.Zero), Schedule.FireAt(ReminderOffset.Parse("0d"), due).ToUniversalTime());
    }

    [Fact]
    public void Due_NightTime_Nothing()
    {
        var due = new DateTimeOffset(2027, 6, 10, 12, 0, 0, TimeSpan.FromHours(2));
        Assert.Null(Schedule.Due(Policy, due, new DateTimeOffset(2027, 6, 9, 22, 30, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Due_SeveralPassed_OnlyTheLatest()
    {
        // Created late: on Wednesday 9 June at 09:00 both 7d and 2wd have passed, 0d not yet.
        var due = new DateTimeOffset(2027, 6, 10, 12, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal("2wd", Schedule.Due(Policy, due, new DateTimeOffset(2027, 6, 9, 9, 0, 0, TimeSpan.FromHours(2)))?.Code);
    }

    [Fact]
    public void Due_AfterDeadline_OverdueFromTheNextWorkingMorning()
    {
        // Due Friday 11 June; overdue fires Monday 14 June at 08:00, not on the weekend.
        var due = new DateTimeOffset(2027, 6, 11, 12, 0, 0, TimeSpan.FromHours(2));
        Assert.Null(Schedule.Due(Policy, due, new DateTimeOffset(2027, 6, 12, 9, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal("overdue", Schedule.Due(Policy, due, new DateTimeOffset(2027, 6, 14, 8, 0, 0, TimeSpan.FromHours(2)))?.Code);
    }
}
