using Samordning.Shared.Time;

namespace Samordning.Notifications.Scheduling;

// One reminder of a policy for one deadline: when it fires, and whether it is sent at all (not when it would fall at
// or after the deadline, nor when an earlier offset of the policy fires at the same instant).
internal sealed record PlannedReminder(ReminderOffset Offset, DateTimeOffset At, bool Sent);

// When each reminder of a deadline falls due, reasoned in Oslo dates and sent from a local hour (the policy's, else
// sendFromHour), so daylight saving moves the UTC instant and never the local day.
internal sealed class ReminderSchedule(int sendFromHour, int sendUntilHour)
{
    public DateTimeOffset FireAt(ReminderOffset offset, DateTimeOffset dueAt) => FireAt(offset, dueAt, sendFromHour);

    public static DateTimeOffset FireAt(ReminderOffset offset, DateTimeOffset dueAt, int hour) =>
        AtLocalHour(FireDay(offset, Oslo.DateOf(dueAt)), hour);

    // Every reminder of the policy for a deadline due then, in the order they fire: what the sweep sends, for the
    // rules page's preview and its tests.
    public static IReadOnlyList<PlannedReminder> Plan(ReminderPolicy policy, DateTimeOffset dueAt)
    {
        var seen = new HashSet<DateTimeOffset>();
        return [.. policy.Offsets.Distinct()
            .Select(o => (Offset: o, At: FireAt(o, dueAt, policy.SendHour)))
            .OrderBy(x => x.At)
            .Select(x => new PlannedReminder(x.Offset, x.At, (x.Offset.Unit == OffsetUnit.Overdue ? x.At > dueAt : x.At < dueAt) && seen.Add(x.At)))];
    }

    // The end of the sweep's window: a deadline due at or after it has no reminder due now under any of these
    // offsets. The overdue reminder only follows deadlines already past, and every other one fires on a day that
    // moves forward with the due day, so the last due day whose reminder has fired by today bounds them all: the
    // window ends at the start of the day after it.
    public static DateTimeOffset Horizon(IEnumerable<ReminderOffset> offsets, DateTimeOffset now)
    {
        var today = Oslo.DateOf(now);
        var last = today;
        foreach (var offset in offsets.Where(o => o.Unit != OffsetUnit.Overdue).Distinct())
        {
            // A reminder n days (or working days) before fires no later than n calendar days before.
            var day = today.AddDays(offset.Amount);
            while (FireDay(offset, day.AddDays(1)) <= today)
            {
                day = day.AddDays(1);
            }

            last = day > last ? day : last;
        }

        return AtLocalHour(last.AddDays(1), 0);
    }

    private static DateOnly FireDay(ReminderOffset offset, DateOnly dueDate) => offset.Unit switch
    {
        OffsetUnit.CalendarDays => dueDate.AddDays(-offset.Amount),
        OffsetUnit.WorkingDays => NorwegianHolidays.WorkingDaysBefore(dueDate, offset.Amount),
        _ => NorwegianHolidays.WorkingDaysBefore(dueDate, -1),
    };

    // The one reminder to send now, or null: outside sending hours nothing; before the deadline the latest
    // reminder whose time has come (an earlier one that was missed is not worth sending any more); after the
    // deadline only the overdue reminder.
    public ReminderOffset? Due(IReadOnlyList<ReminderOffset> policy, DateTimeOffset dueAt, DateTimeOffset now) =>
        Due(new ReminderPolicy(policy, sendFromHour), dueAt, now);

    // The policy's hour opens the window; it closes at sendUntilHour, or at midnight for a policy sent later than that.
    public ReminderOffset? Due(ReminderPolicy policy, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var localHour = Oslo.ToOslo(now).Hour;
        var until = sendUntilHour > policy.SendHour ? sendUntilHour : 24;
        if (localHour < policy.SendHour || localHour >= until)
        {
            return null;
        }

        if (now >= dueAt)
        {
            return policy.Offsets.FirstOrDefault(o => o.Unit == OffsetUnit.Overdue) is { } overdue && now >= FireAt(overdue, dueAt, policy.SendHour) ? overdue : null;
        }

        return policy.Offsets
            .Where(o => o.Unit != OffsetUnit.Overdue)
            .Select(o => (Offset: o, At: FireAt(o, dueAt, policy.SendHour)))
            .Where(x => x.At <= now && x.At < dueAt)
            .OrderByDescending(x => x.At)
            .Select(x => x.Offset)
            .FirstOrDefault();
    }

    public static DateTimeOffset AtLocalHour(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Oslo.TimeZone.GetUtcOffset(local));
    }
}
