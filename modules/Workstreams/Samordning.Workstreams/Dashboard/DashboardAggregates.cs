using Samordning.Shared.Time;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Dashboard;

// Keeps the dashboard's counts up to date in the same transaction as the change that moves them, so the
// dashboard never scans initiatives. A change is "this initiative stops counting here and starts counting there".
internal static class DashboardAggregates
{
    internal readonly record struct Cell(Guid MinistryId, string MinistryCode, Guid WorkstreamId, Phase Phase, Rag Status);

    // The initiative counts once in the totals, and once under each workstream it contributes to (or "none").
    public static IReadOnlyList<Cell> CellsOf(Initiative initiative)
    {
        Cell In(Guid workstreamId) => new(initiative.OwningMinistryId, initiative.OwningMinistryCode, workstreamId, initiative.Phase, initiative.Status);
        return initiative.Workstreams.Count == 0
            ? [In(DashboardCell.AllWorkstreams), In(Guid.Empty)]
            : [In(DashboardCell.AllWorkstreams), .. initiative.Workstreams.Select(w => In(w.WorkstreamId))];
    }

    public static async Task ApplyAsync(
        WorkstreamsDbContext db, IReadOnlyList<Cell> before, IReadOnlyList<Cell> after, bool phaseMayHaveChanged, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<Cell, int>();
        foreach (var cell in before)
        {
            deltas[cell] = deltas.GetValueOrDefault(cell) - 1;
        }

        foreach (var cell in after)
        {
            deltas[cell] = deltas.GetValueOrDefault(cell) + 1;
        }

        var moves = deltas.Where(d => d.Value != 0).ToList();
        if (moves.Count == 0 && !phaseMayHaveChanged)
        {
            // An update that keeps phase and status (most of a reporting day) leaves every node's kept counts current
            // (DashboardSnapshot); saving moves only the dashboard's version.
            await SaveAsync(db, cancellationToken);
            return;
        }

        // The counts' number first, then the cells and days it moves stamped with it: the row is this transaction's
        // until it commits, so a node that reads a number has every change up to it committed, and reads only the
        // cells and days stamped after the number it keeps. Without a caller's transaction the number and the cells
        // would commit apart (a reader could take the number before the cells), so there is one here.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var stamp = await db.BumpDashboardCountsVersionAsync(cancellationToken);
        foreach (var (cell, delta) in moves)
        {
            // An atomic increment, so two changes in the same cell at once both count.
            var updated = await db.DashboardCells
                .Where(c => c.MinistryId == cell.MinistryId && c.WorkstreamId == cell.WorkstreamId && c.Phase == cell.Phase && c.Status == cell.Status)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count + delta).SetProperty(c => c.CountsVersion, stamp), cancellationToken);
            if (updated == 0)
            {
                db.DashboardCells.Add(new DashboardCell
                {
                    MinistryId = cell.MinistryId,
                    MinistryCode = cell.MinistryCode,
                    WorkstreamId = cell.WorkstreamId,
                    Phase = cell.Phase,
                    Status = cell.Status,
                    Count = delta,
                    CountsVersion = stamp,
                });
            }
        }

        if (phaseMayHaveChanged)
        {
            await SnapshotPhasesAsync(db, now, stamp, cancellationToken);
        }

        await SaveAsync(db, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    // Saving moves the dashboard's version (WorkstreamsDbContext.SaveChangesAsync) when something is tracked; the
    // cells moved by ExecuteUpdate alone are not, so say it here.
    private static async Task SaveAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.BumpDashboardVersionAsync(cancellationToken);
        }
    }

    // Today's row per phase holds the current totals; earlier days keep theirs, which makes the history.
    private static async Task SnapshotPhasesAsync(WorkstreamsDbContext db, DateTimeOffset now, long stamp, CancellationToken cancellationToken)
    {
        var day = Oslo.DateOf(now);
        var totals = await db.Initiatives.GroupBy(i => i.Phase).Select(g => new { Phase = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = await db.PhaseSnapshots.Where(s => s.Day == day).ToListAsync(cancellationToken);
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var count = totals.FirstOrDefault(t => t.Phase == phase)?.Count ?? 0;
            var row = rows.FirstOrDefault(r => r.Phase == phase);
            if (row is null)
            {
                db.PhaseSnapshots.Add(new PhaseSnapshot { Day = day, Phase = phase, Count = count, CountsVersion = stamp });
            }
            else
            {
                row.Count = count;
                row.CountsVersion = stamp;
            }
        }
    }
}
