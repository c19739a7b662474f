using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Dashboard;

// The kept aggregates, read into memory once per version of them instead of once per request, and the whole
// unfiltered answer made from them. Every save in the module moves DashboardVersion's module row, and every change to
// the cells or the phase history its counts row too, in the same transaction (WorkstreamsDbContext.SaveChangesAsync,
// DashboardAggregates), so one tiny read per request says whether what this node keeps is still current: the counts
// are read again only when the counts row moved (only the cells and days changed since, stamped with the counts'
// number), the rest of the answer (the newest cross-sectoral initiatives, the round) is made again whenever the
// module row moved. Both numbers are read before the cells: a snapshot may hold changes newer than its numbers (then
// the next request reads it again), never older, so nothing committed before a request starts is missing from its
// answer, on any node.
internal sealed class DashboardSnapshot : IDisposable
{
    private readonly SemaphoreSlim reading = new(1, 1);
    private Kept? kept;

    public async Task<Kept> GetAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.DashboardVersions.AsNoTracking()
            .Where(v => v.Id == DashboardVersion.SingleId || v.Id == DashboardVersion.CountsId)
            .Select(v => new { v.Id, v.Version })
            .ToListAsync(cancellationToken);
        var version = versions.FirstOrDefault(v => v.Id == DashboardVersion.SingleId)?.Version ?? 0;
        // Without the counts' row the counts are read again whenever the module's version moves, as before it existed.
        var countsVersion = versions.FirstOrDefault(v => v.Id == DashboardVersion.CountsId)?.Version;
        if (CurrentFor(version, countsVersion) is { } current)
        {
            return current;
        }

        // One request reads the new counts; the others in flight wait for it rather than each reading them too.
        await reading.WaitAsync(cancellationToken);
        try
        {
            return CurrentFor(version, countsVersion)
                ?? Keep(await ReadAsync(db, Volatile.Read(ref kept), version, countsVersion ?? -1, cancellationToken));
        }
        finally
        {
            reading.Release();
        }
    }

    public void Dispose() => reading.Dispose();

    // Whether a version has been read since the node started (DashboardWarmUp's test).
    internal bool HasKept => Volatile.Read(ref kept) is not null;

    // What is kept when it is at least as new as the numbers read: as it is, or (only the module's number moved) its
    // counts under the new number, so the rest of the answer is made again.
    private Kept? CurrentFor(long version, long? countsVersion)
    {
        var current = Volatile.Read(ref kept);
        if (current is null)
        {
            return null;
        }

        if (current.Version >= version)
        {
            return current;
        }

        return countsVersion is { } counts && current.CountsVersion >= counts ? Keep(current.At(version)) : null;
    }

    // Never replaces a newer snapshot with an older one (two requests may finish out of order); answers with the newer.
    private Kept Keep(Kept candidate)
    {
        var current = Volatile.Read(ref kept);
        while (current is null || current.Version < candidate.Version)
        {
            var seen = Interlocked.CompareExchange(ref kept, candidate, current);
            if (ReferenceEquals(seen, current))
            {
                return candidate;
            }

            current = seen;
        }

        return current;
    }

    // The counts and the phase history under the numbers read: only the cells and days stamped after the counts kept
    // (DashboardAggregates stamps each with the counts' number of its change, handed out in commit order), or all of
    // them on the first read (or without the counts' row). Both reads come after the numbers, so they may hold changes
    // newer than them, never miss older ones; a newer change read twice is read as the same whole count.
    private static async Task<Kept> ReadAsync(WorkstreamsDbContext db, Kept? previous, long version, long countsVersion, CancellationToken cancellationToken)
    {
        if (previous is { CountsVersion: >= 0 } && countsVersion >= 0)
        {
            var since = previous.CountsVersion;
            var changed = await db.DashboardCells.AsNoTracking().Where(c => c.CountsVersion > since)
                .Select(c => new DashboardCounts.Row(c.MinistryId, c.WorkstreamId, c.Phase, c.Status, c.Count))
                .ToListAsync(cancellationToken);
            var changedDays = await db.PhaseSnapshots.AsNoTracking().Where(s => s.CountsVersion > since)
                .Select(s => new HistoryPoint(s.Day, s.Phase, s.Count))
                .ToListAsync(cancellationToken);
            return new Kept(version, countsVersion, previous.Counts.With(changed), HistoryWith(previous.History, changedDays));
        }

        var rows = await db.DashboardCells.AsNoTracking().Where(c => c.Count != 0)
            .Select(c => new DashboardCounts.Row(c.MinistryId, c.WorkstreamId, c.Phase, c.Status, c.Count))
            .ToListAsync(cancellationToken);
        var history = await db.PhaseSnapshots.AsNoTracking()
            .Select(s => new HistoryPoint(s.Day, s.Phase, s.Count))
            .ToListAsync(cancellationToken);
        return new Kept(version, countsVersion, DashboardCounts.From(rows), HistoryWith([], history));
    }

    // The days kept with the points read moved to their counts (a day's other phases as kept), in order of day.
    private static IReadOnlyList<HistoryDay> HistoryWith(IReadOnlyList<HistoryDay> kept, List<HistoryPoint> points)
    {
        if (points.Count == 0)
        {
            return kept;
        }

        var days = kept.ToDictionary(d => d.Day, d => d.Counts);
        foreach (var day in points.GroupBy(p => p.Day))
        {
            int[] counts = days.TryGetValue(day.Key, out var before) ? [.. before] : new int[DashboardCounts.Phases.Count];
            foreach (var point in day)
            {
                counts[(int)point.Phase] = point.Count;
            }

            days[day.Key] = counts;
        }

        return [.. days.OrderBy(d => d.Key).Select(d => new HistoryDay(d.Key, d.Value))];
    }

    private sealed record HistoryPoint(DateOnly Day, Phase Phase, int Count);

    internal sealed record Kept(long Version, long CountsVersion, DashboardCounts Counts, IReadOnlyList<HistoryDay> History)
    {
        // Filters asked for in a day are few (the page's links); the limit only guards against a caller making up many.
        private const int StaleFiltersKept = 64;

        private volatile Unfiltered? unfiltered;
        private volatile StaleOfDay? stale;

        // The same counts under a newer module version, without the answer made for the older one (a `with` would
        // copy that too).
        public Kept At(long version) => new(version, CountsVersion, Counts, History);

        // The whole unfiltered answer for this version, made once: the first request that needs it makes it, and the
        // requests arriving meanwhile wait for that one instead of each making it again (after a save every reader
        // would otherwise rebuild the same answer at once). This keeps read-your-writes: the answer is made after this
        // snapshot's version was read, and a request that read a newer version gets a newer Kept, so a flight of its
        // own. Everything in it is this module's (saved with a version move) except the active ministries, which are
        // compared instead. A making that fails or is cancelled (its request went away) is not kept: whoever waited
        // for it makes the answer itself.
        public async Task<DashboardView> UnfilteredAsync(
            IReadOnlyList<Ministries.Contracts.MinistryInfo> ministries, Func<Task<DashboardView>> make, CancellationToken cancellationToken)
        {
            while (true)
            {
                var current = unfiltered;
                if (current is not null && current.Ministries.SequenceEqual(ministries))
                {
                    try
                    {
                        return await current.View.WaitAsync(cancellationToken);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The request making it failed or went away: drop its flight and make the answer here.
                        Interlocked.CompareExchange(ref unfiltered, null, current);
                        continue;
                    }
                }

                var making = new TaskCompletionSource<DashboardView>(TaskCreationOptions.RunContinuationsAsynchronously);
                var flight = new Unfiltered(ministries, making.Task);
                if (!ReferenceEquals(Interlocked.CompareExchange(ref unfiltered, flight, current), current))
                {
                    continue;
                }

                try
                {
                    var view = await make();
                    making.SetResult(view);
                    return view;
                }
                catch
                {
                    // Cancelled rather than faulted: the waiters make their own, and no exception goes unobserved.
                    Interlocked.CompareExchange(ref unfiltered, null, flight);
                    making.SetCanceled(CancellationToken.None);
                    throw;
                }
            }
        }

        // "Status not confirmed for 60 days" per owning ministry (StaleStatus) for the filter on the Oslo day of the
        // request: it changes only with a save (then this snapshot is replaced, its version having moved) or when the
        // day turns (the age is counted in whole Oslo days), so it is counted once per version, day and filter, with
        // the requests in flight sharing that count. A request on an earlier day than the one kept (a clock a moment
        // behind at midnight) counts for itself.
        public Task<IReadOnlyDictionary<Guid, int>> StaleAsync(
            DateOnly day, DashboardFilter filter, Func<Task<IReadOnlyDictionary<Guid, int>>> count, CancellationToken cancellationToken)
        {
            var current = stale;
            while (current is null || current.Day < day)
            {
                var next = new StaleOfDay(day, new(StaleFiltersKept));
                var seen = Interlocked.CompareExchange(ref stale, next, current);
                current = ReferenceEquals(seen, current) ? next : seen;
            }

            return current.Day == day ? current.Counts.GetAsync(filter, count, cancellationToken) : count();
        }

        private sealed record StaleOfDay(DateOnly Day, KeptPerKey<DashboardFilter, IReadOnlyDictionary<Guid, int>> Counts);

        private sealed record Unfiltered(IReadOnlyList<Ministries.Contracts.MinistryInfo> Ministries, Task<DashboardView> View);
    }
}
