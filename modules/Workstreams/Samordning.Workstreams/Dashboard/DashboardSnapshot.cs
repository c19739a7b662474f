using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Dashboard;

// The kept aggregates, read into memory once per version of them instead of once per request, and the whole
// unfiltered answer made from them. Every save in the module, and every change to the cells, moves
// DashboardVersion in the same transaction (WorkstreamsDbContext.SaveChangesAsync, DashboardAggregates), so one
// tiny read per request says whether what this node keeps is still current. The version is read before the
// cells: a snapshot may hold changes newer than its number (then the next request reads it again), never older,
// so nothing committed before a request starts is missing from its answer, on any node.
internal sealed class DashboardSnapshot : IDisposable
{
    private readonly SemaphoreSlim reading = new(1, 1);
    private volatile Kept? kept;

    public async Task<Kept> GetAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var version = await db.DashboardVersions.AsNoTracking()
            .Where(v => v.Id == DashboardVersion.SingleId).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        var current = kept;
        if (current is not null && current.Version >= version)
        {
            return current;
        }

        // One request reads the new version; the others in flight wait for it rather than each reading it too.
        await reading.WaitAsync(cancellationToken);
        try
        {
            current = kept;
            if (current is not null && current.Version >= version)
            {
                return current;
            }

            var fresh = await ReadAsync(db, version, cancellationToken);
            kept = fresh;
            return fresh;
        }
        finally
        {
            reading.Release();
        }
    }

    public void Dispose() => reading.Dispose();

    private static async Task<Kept> ReadAsync(WorkstreamsDbContext db, long version, CancellationToken cancellationToken)
    {
        var rows = await db.DashboardCells.AsNoTracking().Where(c => c.Count != 0)
            .Select(c => new DashboardCounts.Row(c.MinistryId, c.WorkstreamId, c.Phase, c.Status, c.Count))
            .ToListAsync(cancellationToken);
        var history = await db.PhaseSnapshots.AsNoTracking()
            .Select(s => new { s.Day, s.Phase, s.Count })
            .ToListAsync(cancellationToken);
        var days = history.GroupBy(h => h.Day).OrderBy(g => g.Key)
            .Select(g =>
            {
                var counts = new int[DashboardCounts.Phases.Count];
                foreach (var point in g)
                {
                    counts[(int)point.Phase] = point.Count;
                }

                return new HistoryDay(g.Key, counts);
            })
            .ToList();
        return new Kept(version, DashboardCounts.From(rows), days);
    }

    internal sealed record Kept(long Version, DashboardCounts Counts, IReadOnlyList<HistoryDay> History)
    {
        private volatile Unfiltered? unfiltered;

        // The whole unfiltered answer for this version, made by the first request that needs it. Everything in it
        // is this module's (saved with a version move) except the active ministries, which are compared instead.
        public DashboardView? UnfilteredFor(IReadOnlyList<Ministries.Contracts.MinistryInfo> ministries) =>
            unfiltered is { } kept && kept.Ministries.SequenceEqual(ministries) ? kept.View : null;

        public void Keep(IReadOnlyList<Ministries.Contracts.MinistryInfo> ministries, DashboardView view) => unfiltered = new(ministries, view);

        private sealed record Unfiltered(IReadOnlyList<Ministries.Contracts.MinistryInfo> Ministries, DashboardView View);
    }
}
