using CsCheck;
using Samordning.Notifications;
using Samordning.Notifications.Rules;
using Samordning.Notifications.Scheduling;

namespace Samordning.Tests.Notifications;

// A coordinator's policy as the schedule applies it: its offsets, working days and hour.
public sealed class ReminderPolicyTests
{
    private static readonly ReminderSchedule Schedule = new(8, 20);
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [Fact]
    public void Due_ThreeWorkingDaysAtTwoOverEaster_FiresTheMondayBeforeAtTwo()
    {
        // Due Tuesday 30 March 2027 at noon: Easter Monday, the weekend, Good Friday and Maundy Thursday are skipped,
        // so three working days before is Monday 22 March, at 14:00 (winter time), not at the configured 08:00.
        var policy = ReminderPolicy.From([3], workingDays: true, overdue: false, sendHour: 14);
        var due = new DateTimeOffset(2027, 3, 30, 12, 0, 0, TimeSpan.FromHours(2));

        Assert.Null(Schedule.Due(policy, due, new DateTimeOffset(2027, 3, 22, 13, 30, 0, Winter)));
        Assert.Equal("3wd", Schedule.Due(policy, due, new DateTimeOffset(2027, 3, 22, 14, 0, 0, Winter))?.Code);
        Assert.Equal(new DateTimeOffset(2027, 3, 22, 14, 0, 0, Winter), Assert.Single(ReminderSchedule.Plan(policy, due)).At);
    }

    [Fact]
    public void Due_PolicySentAfterSendUntilHour_WindowRunsToMidnight()
    {
        var policy = ReminderPolicy.From([1], workingDays: false, overdue: false, sendHour: 21);
        var due = new DateTimeOffset(2027, 6, 10, 12, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("1d", Schedule.Due(policy, due, new DateTimeOffset(2027, 6, 9, 21, 5, 0, TimeSpan.FromHours(2)))?.Code);
        Assert.Null(Schedule.Due(policy, due, new DateTimeOffset(2027, 6, 9, 20, 55, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Plan_TwoOffsetsOnOneInstant_SentOnce()
    {
        // Due Monday 14 June 2027: one working day before and three days before are both Friday 11 June.
        var policy = new ReminderPolicy([ReminderOffset.Parse("1wd"), ReminderOffset.Parse("3d")], 8);
        var due = new DateTimeOffset(2027, 6, 14, 12, 0, 0, TimeSpan.FromHours(2));

        var plan = ReminderSchedule.Plan(policy, due);

        Assert.Equal(2, plan.Count);
        Assert.Equal(plan[0].At, plan[1].At);
        Assert.Equal([true, false], plan.Select(p => p.Sent));
        Assert.Equal("1wd", Schedule.Due(policy, due, new DateTimeOffset(2027, 6, 11, 9, 0, 0, TimeSpan.FromHours(2)))?.Code);
    }

    [Fact]
    public void Plan_OnTheDayAfterTheDeadlineHour_NotSent()
    {
        var policy = ReminderPolicy.From([0], workingDays: false, overdue: true, sendHour: 14);
        var due = new DateTimeOffset(2027, 6, 10, 12, 0, 0, TimeSpan.FromHours(2));

        var plan = ReminderSchedule.Plan(policy, due);

        Assert.False(plan.Single(p => p.Offset.Code == "0d").Sent);
        Assert.True(plan.Single(p => p.Offset.Code == "overdue").Sent);
        Assert.Null(Schedule.Due(policy, due, new DateTimeOffset(2027, 6, 10, 14, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void For_StoredKind_StoredPolicyWinsOverConfiguration()
    {
        var options = new NotificationsOptions { SendFromHour = 8 };
        options.Policies["test"] = ["7d", "0d"];
        var book = new ReminderPolicyBook(
            new Dictionary<string, ReminderPolicy>(StringComparer.OrdinalIgnoreCase) { ["test"] = ReminderPolicy.From([14, 2], true, false, 10) }, options);

        Assert.Equal(["14wd", "2wd"], book.For("TEST").Offsets.Select(o => o.Code));
        Assert.Equal(10, book.For("test").SendHour);
        Assert.Equal(["7d", "2wd", "0d", "overdue"], book.For("other").Offsets.Select(o => o.Code));
        Assert.Equal(8, book.For("other").SendHour);
        Assert.Contains(book.AllOffsets(), o => o.Code == "14wd");
    }

    [Fact]
    public void Validate_NonsenseEverywhere_NamesEveryField()
    {
        using var _ = Infrastructure.UiCulture.Use("nn-NO");

        var (_, errors) = ReminderPolicies.Validate(new ReminderPolicyRequest("14, sju, -1, 400", null, null, 24, 0));

        var fields = errors.ToDictionary();
        Assert.Equal(["Offsets", "Overdue", "SendHour", "WorkingDays"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, fields["Offsets"].Length);
        Assert.Contains("«sju» er ikkje", fields["Offsets"][0], StringComparison.Ordinal);
        Assert.StartsWith("Klokkeslett for utsending", fields["SendHour"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ElevenDays_TooMany()
    {
        var (_, errors) = ReminderPolicies.Validate(new ReminderPolicyRequest("10 9 8 7 6 5 4 3 2 1 0", false, false, 8, 0));

        Assert.True(errors.Has("Offsets"));
    }

    // Any policy (days, working days or not, overdue or not, any hour) for deadlines at the calendar's edges (new
    // year, Easter, 17 May, Christmas, both daylight-saving changes, the first and last years people may enter),
    // swept every hour: no reminder before the deadline goes out at or after it, none goes out twice, no two at the
    // same instant, and what goes out is what the rules page's preview (ReminderSchedule.Plan) shows.
    [Fact]
    public void Due_AnyPolicyAtCalendarEdges_NeverAfterTheDeadlineNeverTwice()
    {
        var edges = new[]
        {
            new DateOnly(2000, 1, 3), new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 29), new DateOnly(2027, 3, 28),
            new DateOnly(2027, 5, 17), new DateOnly(2027, 10, 31), new DateOnly(2027, 12, 27), new DateOnly(2028, 1, 2),
            new DateOnly(2030, 4, 22), new DateOnly(2100, 12, 31),
        };
        var due = Gen.Select(Gen.OneOfConst(edges), Gen.Int[-3, 3], Gen.Int[0, 23], Gen.OneOfConst(0, 30, 59))
            .Select((edge, shift, hour, minute) => ReminderSchedule.AtLocalHour(edge.AddDays(shift), hour).AddMinutes(minute));
        var policy = Gen.Select(Gen.Int[0, 12].Array[0, 4], Gen.Bool, Gen.Bool, Gen.Int[0, 23])
            .Select((days, workingDays, overdue, hour) => ReminderPolicy.From(days, workingDays, overdue, hour));

        Gen.Select(policy, due).Sample((p, dueAt) =>
        {
            var sent = new List<(string Code, DateTimeOffset At, DateTimeOffset FireAt)>();
            var logged = new HashSet<string>();
            var start = dueAt.AddDays(-30);
            for (var now = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, start.Offset); now < dueAt.AddDays(8); now = now.AddHours(1))
            {
                if (Schedule.Due(p, dueAt, now) is { } offset && logged.Add(offset.Code))
                {
                    sent.Add((offset.Code, now, ReminderSchedule.FireAt(offset, dueAt, p.SendHour)));
                }
            }

            Assert.All(sent.Where(s => s.Code != "overdue"), s => Assert.True(s.At < dueAt && s.FireAt < dueAt, $"{s.Code} at {s.At:O} for {dueAt:O}"));
            Assert.All(sent.Where(s => s.Code == "overdue"), s => Assert.True(s.At > dueAt));
            Assert.Equal(sent.Count, sent.Select(s => s.FireAt).Distinct().Count());
            Assert.Equal(
                ReminderSchedule.Plan(p, dueAt).Where(x => x.Sent).Select(x => x.Offset.Code).Order(StringComparer.Ordinal),
                sent.Select(s => s.Code).Order(StringComparer.Ordinal));
        }, iter: 300);
    }
}
