using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// The dashboard's phases over time: the last days with changes (the view holds those), and the count of each
// phase at the end of each.
internal sealed record PhaseHistoryView(IReadOnlyList<DateOnly> Days, IReadOnlyList<Phase> Phases, IReadOnlyList<HistoryDay> History)
{
    public static PhaseHistoryView From(DashboardView view) =>
        new([.. view.History.Select(h => h.Day)], view.Phases, view.History);

    public int Max => History.Count == 0 ? 0 : History.Max(h => h.Counts.Count == 0 ? 0 : h.Counts.Max());

    public int CountOn(DateOnly day, Phase phase)
    {
        var index = Phases.ToList().IndexOf(phase);
        return History.FirstOrDefault(h => h.Day == day) is { } point && index >= 0 && index < point.Counts.Count ? point.Counts[index] : 0;
    }
}
