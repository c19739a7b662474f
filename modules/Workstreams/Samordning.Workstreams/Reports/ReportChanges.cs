using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Reports;

// What changed since the report before (Since: when that was made; null for the first report, which has nothing to
// compare with). Initiatives are matched by id, so a renamed one is a change, not a new one.
internal sealed record ReportChanges(
    DateTimeOffset? Since,
    IReadOnlyList<ReportInitiative> NewFlagged,
    IReadOnlyList<ReportInitiative> Resolved,
    IReadOnlyList<ReportInitiativeChange> Changed,
    IReadOnlyList<ReportInitiative> New,
    IReadOnlyList<ReportMinistryChange> PerMinistry)
{
    public static ReportChanges First { get; } = new(null, [], [], [], [], []);

    public bool Any => NewFlagged.Count + Resolved.Count + Changed.Count + New.Count + PerMinistry.Count > 0;

    public static ReportChanges Between(ReportContent? previous, IReadOnlyList<ReportMinistry> ministries, IReadOnlyList<ReportInitiative> initiatives)
    {
        if (previous is null)
        {
            return First;
        }

        var before = previous.Initiatives.ToDictionary(i => i.Id);
        var now = initiatives.ToDictionary(i => i.Id);
        static bool Flagged(ReportInitiative? i) => i is { Running: true } && i.Status != Rag.Green;

        var newFlagged = initiatives.Where(i => Flagged(i) && !Flagged(before.GetValueOrDefault(i.Id))).ToList();
        var resolved = previous.Initiatives.Where(i => Flagged(i) && !Flagged(now.GetValueOrDefault(i.Id)))
            .Select(i => now.GetValueOrDefault(i.Id) ?? i).ToList();
        var changed = initiatives
            .Where(i => before.TryGetValue(i.Id, out var b) && (b.Status != i.Status || b.Phase != i.Phase || b.Progress != i.Progress))
            .Select(i => new ReportInitiativeChange(before[i.Id], i)).ToList();
        var added = initiatives.Where(i => !before.ContainsKey(i.Id)).ToList();

        var previousMinistries = previous.Ministries.ToDictionary(m => m.Id);
        var perMinistry = ministries
            .Select(m =>
            {
                var b = previousMinistries.GetValueOrDefault(m.Id);
                var changes = changed.Count(c => c.After.MinistryCode == m.Code) + added.Count(i => i.MinistryCode == m.Code);
                return new ReportMinistryChange(m.Code, m.Name, b?.Total ?? 0, m.Total, m.Green - (b?.Green ?? 0), m.Amber - (b?.Amber ?? 0), m.Red - (b?.Red ?? 0), changes);
            })
            .Where(c => c.TotalBefore != c.TotalAfter || c.Green != 0 || c.Amber != 0 || c.Red != 0 || c.Changes > 0)
            .ToList();

        return new ReportChanges(previous.MadeAt, newFlagged, resolved, changed, added, perMinistry);
    }
}

internal sealed record ReportInitiativeChange(ReportInitiative Before, ReportInitiative After);

// Green, Amber and Red are the change in each count since the report before; Changes the initiatives of the
// ministry that are new or changed status, phase or progress.
internal sealed record ReportMinistryChange(string Code, ReportText Name, int TotalBefore, int TotalAfter, int Green, int Amber, int Red, int Changes);
