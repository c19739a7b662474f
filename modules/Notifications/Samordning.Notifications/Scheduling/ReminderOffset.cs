using System.Globalization;

namespace Samordning.Notifications.Scheduling;

internal enum OffsetUnit
{
    CalendarDays,
    WorkingDays,
    Overdue,
}

// One step of a reminder policy, written in configuration as "7d" (calendar days before), "2wd" (working days
// before), "0d" (on the day) or "overdue" (the first working day after the deadline).
internal sealed record ReminderOffset(OffsetUnit Unit, int Amount)
{
    public static ReminderOffset Overdue { get; } = new(OffsetUnit.Overdue, 0);

    // The form stored in the reminder log, part of its unique key.
    public string Code => Unit switch
    {
        OffsetUnit.CalendarDays => string.Create(CultureInfo.InvariantCulture, $"{Amount}d"),
        OffsetUnit.WorkingDays => string.Create(CultureInfo.InvariantCulture, $"{Amount}wd"),
        _ => "overdue",
    };

    public static bool TryParse(string? text, out ReminderOffset offset)
    {
        offset = Overdue;
        var value = text?.Trim().ToLowerInvariant();
        if (value == "overdue")
        {
            return true;
        }

        var (digits, unit) = value switch
        {
            { } v when v.EndsWith("wd", StringComparison.Ordinal) => (v[..^2], OffsetUnit.WorkingDays),
            { } v when v.EndsWith('d') => (v[..^1], OffsetUnit.CalendarDays),
            _ => (null, OffsetUnit.CalendarDays),
        };
        if (digits is null || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 365)
        {
            return false;
        }

        offset = new ReminderOffset(unit, amount);
        return true;
    }

    public static ReminderOffset Parse(string text) =>
        TryParse(text, out var offset) ? offset : throw new FormatException($"'{text}' is not a reminder offset (use 7d, 2wd, 0d or overdue).");
}
