using Samordning.Ministries.Contracts;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Overlaps;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Reports;

// Gathers a report's figures from the queries the dashboard already answers with (the kept aggregates, the stale
// count, the latest round), the modules' deadlines, and the overlap finder when one is registered.
internal sealed class ReportFigures(
    WorkstreamsDbContext db,
    DashboardSnapshot snapshot,
    IMinistryDirectory directory,
    IEnumerable<IDeadlineSource> deadlineSources,
    IOpenOverlaps overlapFinder,
    IClock clock)
{
    // How far ahead the report looks for deadlines, and how much of each list a meeting can read.
    public const int DeadlineDays = 30;
    public const int MaxDeadlines = 25;
    public const int MaxOverlaps = 10;

    public async Task<ReportContent> GatherAsync(string madeBy, ReportContent? previous, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var view = await GetDashboard.HandleAsync(db, snapshot, directory, new DashboardFilter(), cancellationToken);
        var stale = await StaleStatus.PerMinistryAsync(db, new DashboardFilter(), now, cancellationToken);
        var ministries = Ministries(view, stale);
        var initiatives = await db.Initiatives.AsNoTracking()
            .OrderBy(i => i.OwningMinistryCode).ThenBy(i => i.Title)
            .Select(i => new ReportInitiative(i.Id, i.Title, i.OwningMinistryCode, i.Phase, i.Status, i.Progress, i.StatusReason))
            .ToListAsync(cancellationToken);

        return new ReportContent(
            now, madeBy, ministries, Workstreams(view), initiatives, Round(view), await DeadlinesAsync(now, cancellationToken),
            await OverlapsAsync(cancellationToken), ReportChanges.Between(previous, ministries, initiatives));
    }

    private static List<ReportMinistry> Ministries(DashboardView view, IReadOnlyDictionary<Guid, int> stale) =>
        view.Ministries.Select((m, n) => new ReportMinistry(
                m.Id, m.Code, new ReportText(m.NameNb, m.NameEn, m.NameNn),
                view.Total(n, status: Rag.Green), view.Total(n, status: Rag.Amber), view.Total(n, status: Rag.Red),
                [.. view.Phases.Select(p => view.Total(n, phase: p))], stale.GetValueOrDefault(m.Id)))
            .ToList();

    private static List<ReportWorkstream> Workstreams(DashboardView view)
    {
        int Count(int? workstream, Rag status) =>
            view.Matrix.Where(c => c.Workstream == workstream).Sum(c => c.Statuses[view.Statuses.ToList().IndexOf(status)]);
        ReportWorkstream Of(int? n, Guid? id, int? chapter, ReportText title) =>
            new(id, chapter, title, Count(n, Rag.Green), Count(n, Rag.Amber), Count(n, Rag.Red));

        var list = view.Workstreams.Select((w, n) => Of(n, w.Id, w.Chapter, new ReportText(w.TitleNb, w.TitleEn, w.TitleNn))).ToList();
        var none = Of(null, null, null, ReportText.Of(new("Uten arbeidsstrøm", "No workstream")));
        if (none.Total > 0)
        {
            list.Add(none);
        }

        return list;
    }

    private static ReportRound? Round(DashboardView view) => view.LatestRound is not { } round
        ? null
        : new ReportRound(
            round.Id, round.Title, round.Deadline, round.ClosedAt is null, round.Submitted, round.Ministries.Count,
            round.ClosedAt is null
                ? [.. round.Ministries.Where(m => m.State == RoundState.NotStarted).Select(m => Silent(view, m))]
                : []);

    private static ReportSilentMinistry Silent(DashboardView view, MinistryRoundStatus status)
    {
        var ministry = view.Ministries.FirstOrDefault(m => m.Id == status.MinistryId);
        return new(status.Code, ministry is null ? new ReportText(status.Code, status.Code) : new ReportText(ministry.NameNb, ministry.NameEn, ministry.NameNn), status.ToConfirm);
    }

    // Upcoming only (the sources also give overdue ones that are still open; the reminders chase those).
    private async Task<List<ReportDeadline>> DeadlinesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deadlines = new List<ReportDeadline>();
        foreach (var source in deadlineSources)
        {
            await foreach (var deadline in source.GetOpenDeadlinesAsync(now, now.AddDays(DeadlineDays), cancellationToken))
            {
                if (deadline.DueAt >= now)
                {
                    var kind = source.Kinds.FirstOrDefault(k => k.Kind == deadline.Kind);
                    deadlines.Add(new ReportDeadline(ReportText.Of(deadline.Title), kind is null ? null : ReportText.Of(kind.Name), deadline.DueAt, deadline.Link));
                }
            }
        }

        return [.. deadlines.OrderBy(d => d.DueAt).ThenBy(d => d.Title.Nb, StringComparer.Ordinal).Take(MaxDeadlines)];
    }

    private async Task<ReportOverlaps> OverlapsAsync(CancellationToken cancellationToken)
    {
        var overlaps = await overlapFinder.ListAsync(MaxOverlaps, cancellationToken);
        return new ReportOverlaps(true, [.. overlaps.Select(o => new ReportOverlap(
            o.FirstTitle, o.FirstMinistry, o.SecondTitle, o.SecondMinistry, o.Score, [.. o.Reasons.Select(ReportText.Of)]))]);
    }
}
