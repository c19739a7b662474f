using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Workstreams.Initiatives;

// How old a status is, in whole days on the Oslo calendar: confirmed late yesterday is a day old this morning, and
// a night with a clock change is one day, not 23 or 25 hours. The list's filter uses the same days, so
// "not confirmed for 60 days" finds exactly the initiatives whose page says 60 days or more.
internal static class StatusAge
{
    // Ten years: any older status is as stale as can be; the bound keeps the cutoff inside the calendar.
    public const int MaxDays = 3650;

    public static int DaysSince(DateTimeOffset confirmedAt, DateTimeOffset now) =>
        Oslo.DateOf(now).DayNumber - Oslo.DateOf(confirmedAt).DayNumber;

    // The instant before which a status is at least `days` days old now: midnight in Oslo starting the day after
    // the last day that old. Midnight exists on every Oslo day (the clocks change at 02:00 and 03:00). A cutoff
    // before the calendar's second day (a clock or a test at its very start) is the calendar's start: nothing is
    // older, where the date arithmetic would throw.
    public static DateTimeOffset OlderThan(int days, DateTimeOffset now)
    {
        var dayNumber = Oslo.DateOf(now).DayNumber + 1 - Math.Clamp(days, 0, MaxDays);
        if (dayNumber <= DateOnly.MinValue.DayNumber)
        {
            return DateTimeOffset.MinValue;
        }

        var day = DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(day, Oslo.TimeZone.GetUtcOffset(day));
    }

    public static LocalizedText Text(DateTimeOffset confirmedAt, DateTimeOffset now) => DaysSince(confirmedAt, now) switch
    {
        <= 0 => new("Bekreftet i dag", "Confirmed today"),
        1 => new("Bekreftet i går", "Confirmed yesterday"),
        var days => new($"Bekreftet for {days} dager siden", $"Confirmed {days} days ago"),
    };
}
