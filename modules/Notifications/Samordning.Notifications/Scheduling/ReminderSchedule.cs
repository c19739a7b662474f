using Samordning.Shared.Time;

namespace Samordning.Notifications.Scheduling;

// When each reminder of a deadline falls due, reasoned in Oslo dates and sent from a local hour, so daylight
// saving moves the UTC instant and never the local day.
internal sealed class ReminderSchedule(int sendFromHour, int sendUntilHour)
{
    public DateTimeOffset FireAt(ReminderOffset offset, DateTimeOffset dueAt) =>
        AtLocalHour(FireDay(offset, Oslo.DateOf(dueAt)), sendFromHour);

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
    public ReminderOffset? Due(IReadOnlyList<ReminderOffset> policy, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var localHour = Oslo.ToOslo(now).Hour;
        if (localHour < sendFromHour || localHour >= sendUntilHour)
        {
            return null;
        }

        if (now >= dueAt)
        {
            return policy.FirstOrDefault(o => o.Unit == OffsetUnit.Overdue) is { } overdue && now >= FireAt(overdue, dueAt) ? overdue : null;
        }

        return policy
            .Where(o => o.Unit != OffsetUnit.Overdue)
            .Select(o => (Offset: o, At: FireAt(o, dueAt)))
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
