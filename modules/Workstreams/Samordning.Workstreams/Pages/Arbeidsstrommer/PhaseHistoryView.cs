using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// The dashboard's phases over time: the last days with changes, and the count of each phase at the end of each.
internal sealed record PhaseHistoryView(IReadOnlyList<DateOnly> Days, IReadOnlyList<Phase> Phases, IReadOnlyList<PhasePoint> Points)
{
    public const int MaxDays = 14;

    public static PhaseHistoryView From(IReadOnlyList<PhasePoint> history)
    {
        var days = history.Select(h => h.Day).Distinct().OrderDescending().Take(MaxDays).Order().ToList();
        var shown = days.ToHashSet();
        return new PhaseHistoryView(days, Enum.GetValues<Phase>(), [.. history.Where(h => shown.Contains(h.Day))]);
    }

    public int CountOn(DateOnly day, Phase phase) => Points.FirstOrDefault(p => p.Day == day && p.Phase == phase)?.Count ?? 0;
}
