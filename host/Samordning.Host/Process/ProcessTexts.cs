using System.Globalization;
using Samordning.Shared.Process;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Host.Process;

// How the process page and the feeds word an event's kind and time, in the person's language and Oslo time.
internal static class ProcessTexts
{
    public static LocalizedText Kind(ProcessEventKind kind) => kind switch
    {
        ProcessEventKind.Milestone => new("Milepæl", "Milestone"),
        ProcessEventKind.Meeting => new("Møte", "Meeting"),
        ProcessEventKind.InputRound => new("Innspillsrunde", "Input round"),
        _ => new("Svar på innspill", "Response to input"),
    };

    public static string When(ProcessEvent e)
    {
        var culture = Localized.Culture;
        if (e.Day is { } day)
        {
            return day.ToString(Localized.IsEnglish ? "d MMMM yyyy" : "d. MMMM yyyy", culture);
        }

        var start = At(e.StartsAt, culture);
        return e.EndsAt is not { } end
            ? start
            : e.Kind == ProcessEventKind.InputRound
                ? Localized.T($"{start} – frist {At(end, culture)}", $"{start} – deadline {At(end, culture)}")
                : Oslo.DateOf(end) == Oslo.DateOf(e.StartsAt)
                    ? $"{start}–{Oslo.ToOslo(end).ToString("HH:mm", culture)}"
                    : $"{start} – {At(end, culture)}";
    }

    private static string At(DateTimeOffset instant, CultureInfo culture) =>
        Oslo.ToOslo(instant).ToString(Localized.IsEnglish ? "d MMMM yyyy, HH:mm" : "d. MMMM yyyy 'kl.' HH:mm", culture);
}
