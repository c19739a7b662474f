using System.Globalization;

namespace Samordning.Notifications.Scheduling;

// One kind's reminder policy as the sweep applies it: the offsets, and the Oslo hour its reminders go out (the
// sending window opens then and closes at SendUntilHour).
internal sealed record ReminderPolicy(IReadOnlyList<ReminderOffset> Offsets, int SendHour)
{
    public const int MaxOffsets = 10;
    public const int MaxDays = 365;

    // What a coordinator stores: days before the deadline ("14, 7, 1"), counted in working days or calendar days,
    // and whether an overdue reminder follows on the first working day after it.
    public static ReminderPolicy From(IEnumerable<int> days, bool workingDays, bool overdue, int sendHour)
    {
        var unit = workingDays ? OffsetUnit.WorkingDays : OffsetUnit.CalendarDays;
        IEnumerable<ReminderOffset> offsets = [.. Normalise(days).Select(d => new ReminderOffset(unit, d))];
        return new([.. overdue ? offsets.Append(ReminderOffset.Overdue) : offsets], sendHour);
    }

    // Each day once, furthest first: "7, 14, 7" is the policy "14, 7".
    public static IReadOnlyList<int> Normalise(IEnumerable<int> days) => [.. days.Distinct().OrderDescending()];

    // "14,7,1", as stored and shown in the form.
    public static string Join(IEnumerable<int> days) => string.Join(", ", Normalise(days).Select(d => d.ToString(CultureInfo.InvariantCulture)));

    // The days of a list such as "14, 7, 1" (commas, semicolons or spaces between), or the parts that are not days.
    public static (IReadOnlyList<int> Days, IReadOnlyList<string> Invalid) ParseDays(string? text)
    {
        var days = new List<int>();
        var invalid = new List<string>();
        foreach (var part in (text ?? "").Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day <= MaxDays)
            {
                days.Add(day);
            }
            else
            {
                invalid.Add(part);
            }
        }

        return (days, invalid);
    }
}

// The policy of every kind of deadline for one sweep: a coordinator's stored policy where there is one, otherwise
// configuration (Modules:Notifications:Policies, sent at SendFromHour). Pure: the stored policies are read once per
// sweep and handed in.
internal sealed class ReminderPolicyBook(IReadOnlyDictionary<string, ReminderPolicy> stored, NotificationsOptions options)
{
    public static ReminderPolicyBook ConfigurationOnly(NotificationsOptions options) =>
        new(new Dictionary<string, ReminderPolicy>(StringComparer.OrdinalIgnoreCase), options);

    public bool IsStored(string kind) => stored.ContainsKey(kind);

    public ReminderPolicy For(string kind) =>
        stored.TryGetValue(kind, out var own) ? own : new ReminderPolicy(options.PolicyFor(kind), options.SendFromHour);

    // Every offset a deadline may be reminded by now, for the sweep's horizon.
    public IEnumerable<ReminderOffset> AllOffsets() => options.AllOffsets().Concat(stored.Values.SelectMany(p => p.Offsets)).Distinct();
}
