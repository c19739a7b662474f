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

    [Fact]
    public void Horizon_TwoWorkingDaysOverEaster_ReachesTheTuesdayAfter()
    {
        // Tuesday 23 March 2027: two working days before Tuesday 30 March skip Easter (Maundy Thursday to Easter
        // Monday), so deadlines on the 30th are reminded today and the window ends at the start of the 31st
        // (summer time from the 28th).
        var now = new DateTimeOffset(2027, 3, 23, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.FromHours(2)), ReminderSchedule.Horizon([ReminderOffset.Parse("2wd")], now));
        Assert.Equal(new DateTimeOffset(2027, 3, 24, 0, 0, 0, TimeSpan.FromHours(1)), ReminderSchedule.Horizon([ReminderOffset.Overdue], now));
    }

    public static TheoryData<string, string> Mornings => new()
    {
        { "2027-03-23T10:00:00+01:00", "7d,2wd,0d,overdue" }, // before Easter
        { "2027-03-26T12:00:00+01:00", "3wd,1d" },            // Good Friday
        { "2027-10-29T19:30:00+02:00", "7d,2wd,0d,overdue" }, // the Friday before summer time ends
        { "2027-12-22T08:00:00+01:00", "10wd,overdue" },      // Christmas
        { "2027-05-14T09:00:00+02:00", "14d,5wd" },           // before 17 May and Whit Monday
    };

    [Theory]
    [MemberData(nameof(Mornings))]
    public void Horizon_EveryReminderDueNow_IsOfADeadlineBeforeIt(string morning, string codes)
    {
        var now = DateTimeOffset.Parse(morning, System.Globalization.CultureInfo.InvariantCulture);
        var policy = codes.Split(',').Select(ReminderOffset.Parse).ToArray();
        var horizon = ReminderSchedule.Horizon(policy, now);

        // Deadlines every hour from a month back to three months ahead: whatever is due now lies before the horizon,
        // and the horizon is tight: something due in its last hour is reminded now.
        var due = Enumerable.Range(-30 * 24, 120 * 24).Select(h => now.AddHours(h)).Where(d => Schedule.Due(policy, d, now) is not null).ToList();
        Assert.NotEmpty(due);
        Assert.All(due, d => Assert.True(d < horizon, $"{d:O} is due now but not before the horizon {horizon:O}"));
        Assert.NotNull(Schedule.Due(policy, horizon.AddHours(-1), now));
    }
}
