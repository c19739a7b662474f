using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Rounds;

internal enum RoundState
{
    NotStarted,
    InProgress,
    Submitted,
}

internal sealed record MinistryRoundStatus(
    Guid MinistryId, string Code, RoundState State, int Confirmed, int ToConfirm, DateTimeOffset? SubmittedAt, string? SubmittedBy);

internal sealed record RoundProgress(
    Guid Id, string Title, string? Description, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, long Version, IReadOnlyList<MinistryRoundStatus> Ministries)
{
    public int Submitted => Ministries.Count(m => m.State == RoundState.Submitted);

    // Initiatives still running are the ones a round asks about.
    public static IQueryable<Initiative> ToConfirm(IQueryable<Initiative> initiatives) =>
        initiatives.Where(i => i.Phase != Phase.Completed && i.Phase != Phase.Stopped);

    // The active ministries come from the caller, who has usually read them already, and so do the running
    // initiatives per ministry (the dashboard has them in its kept counts).
    public static async Task<RoundProgress?> LatestAsync(
        WorkstreamsDbContext db, IReadOnlyList<MinistryInfo> ministries, IReadOnlyDictionary<Guid, int> runningPerMinistry, CancellationToken cancellationToken)
    {
        var round = await db.ReportingRounds.AsNoTracking()
            .OrderBy(r => r.ClosedAt == null ? 0 : 1).ThenByDescending(r => r.OpenedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return round is null ? null : await ForRoundAsync(db, ministries, runningPerMinistry, round, cancellationToken);
    }

    public static async Task<RoundProgress> ForRoundAsync(WorkstreamsDbContext db, IMinistryDirectory directory, ReportingRound round, CancellationToken cancellationToken) =>
        await ForRoundAsync(db, await directory.GetMinistriesAsync(cancellationToken), round, cancellationToken);

    private static async Task<RoundProgress> ForRoundAsync(WorkstreamsDbContext db, IReadOnlyList<MinistryInfo> ministries, ReportingRound round, CancellationToken cancellationToken)
    {
        // From the kept aggregates (each initiative once, in the all-workstreams cells), not a scan of initiatives.
        var running = await db.DashboardCells.AsNoTracking()
            .Where(c => c.WorkstreamId == DashboardCell.AllWorkstreams && c.Phase != Phase.Completed && c.Phase != Phase.Stopped)
            .GroupBy(c => c.MinistryId).Select(g => new { MinistryId = g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(x => x.MinistryId, x => x.Count, cancellationToken);
        return await ForRoundAsync(db, ministries, running, round, cancellationToken);
    }

    private static async Task<RoundProgress> ForRoundAsync(
        WorkstreamsDbContext db, IReadOnlyList<MinistryInfo> ministries, IReadOnlyDictionary<Guid, int> toConfirm, ReportingRound round, CancellationToken cancellationToken)
    {
        var confirmed = await db.RoundConfirmations.AsNoTracking()
            .Where(c => c.RoundId == round.Id)
            .GroupBy(c => c.MinistryId).Select(g => new { MinistryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MinistryId, x => x.Count, cancellationToken);
        var submissions = await db.RoundSubmissions.AsNoTracking()
            .Where(s => s.RoundId == round.Id)
            .ToDictionaryAsync(s => s.MinistryId, cancellationToken);

        var statuses = ministries.Select(m =>
        {
            var done = confirmed.GetValueOrDefault(m.Id);
            var submission = submissions.GetValueOrDefault(m.Id);
            var state = submission is not null ? RoundState.Submitted : done > 0 ? RoundState.InProgress : RoundState.NotStarted;
            return new MinistryRoundStatus(m.Id, m.Code, state, done, toConfirm.GetValueOrDefault(m.Id), submission?.SubmittedAt, submission?.PersonName);
        }).ToList();

        return new RoundProgress(round.Id, round.Title, round.Description, round.Deadline, round.ClosedAt, round.Version, statuses);
    }
}
