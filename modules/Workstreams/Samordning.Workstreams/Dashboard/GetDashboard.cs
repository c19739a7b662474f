using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Shared.Time;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Dashboard;

internal sealed record DashboardFilter(Guid? MinistryId = null, Guid? WorkstreamId = null, Phase? Phase = null, Rag? Status = null, string? Tag = null)
{
    // Tags are not a dimension of the kept aggregates: a tag filter counts initiatives instead.
    public bool NeedsInitiatives => !string.IsNullOrWhiteSpace(Tag);
}

internal sealed record DashboardMinistry(Guid Id, string Code, string NameNb, string NameEn, string? NameNn = null);

internal sealed record DashboardWorkstream(Guid Id, int? Chapter, string TitleNb, string? TitleEn, string? TitleNn = null);

// One owning ministry's initiatives in the selection: Counts[phase][status], in the order of the view's Phases
// and Statuses. Ministry is an index into the view's Ministries.
internal sealed record MinistryTotals(int Ministry, IReadOnlyList<IReadOnlyList<int>> Counts);

// One owning ministry × workstream of the matrix: the initiatives contributing to the workstream (Workstream is an
// index into the view's Workstreams; null is "no workstream") per phase and per status.
internal sealed record MatrixCell(int Ministry, int? Workstream, IReadOnlyList<int> Phases, IReadOnlyList<int> Statuses);

// The initiatives in every phase at the end of a day: Counts[phase], in the order of the view's Phases.
internal sealed record HistoryDay(DateOnly Day, IReadOnlyList<int> Counts);

// The newest cross-sectoral initiatives; More says the initiative list (crossSectoral=true) has more of them.
internal sealed record CrossSectoralList(IReadOnlyList<InitiativeListItem> Items, bool More);

internal sealed record DashboardView(
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<Rag> Statuses,
    IReadOnlyList<DashboardMinistry> Ministries,
    IReadOnlyList<DashboardWorkstream> Workstreams,
    IReadOnlyList<MinistryTotals> Totals,
    IReadOnlyList<MatrixCell> Matrix,
    CrossSectoralList CrossSectoral,
    IReadOnlyList<HistoryDay> History,
    RoundProgress? LatestRound,
    Guid? FocusWorkstreamId)
{
    // How many cross-sectoral initiatives, and how many days of history (the last with changes), the view holds.
    public const int CrossSectoralShown = 20;
    public const int HistoryDays = 14;

    // Each initiative once (or, when the view is filtered to a workstream, those contributing to it).
    public int Total(int? ministry = null, Phase? phase = null, Rag? status = null) =>
        Totals.Where(t => ministry is null || t.Ministry == ministry)
            .Sum(t => Enumerable.Range(0, Phases.Count).Where(p => phase is null || Phases[p] == phase)
                .Sum(p => Enumerable.Range(0, Statuses.Count).Where(s => status is null || Statuses[s] == status).Sum(s => t.Counts[p][s])));

    public MatrixCell? Cell(int ministry, int? workstream) =>
        Matrix.FirstOrDefault(c => c.Ministry == ministry && c.Workstream == workstream);

    // Kept per day beside the kept view (GetDashboard.WithNotConfirmedAsync); null in the kept view itself.
    public NotConfirmedCounts? NotConfirmed { get; init; }
}

internal sealed class GetDashboard : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet(
                "/workstreams/dashboard",
                async ([AsParameters] DashboardFilter filter, WorkstreamsDbContext db, DashboardSnapshot snapshot, IMinistryDirectory directory, IClock clock, CancellationToken ct) =>
                    TypedResults.Ok(await WithNotConfirmedAsync(db, snapshot, directory, clock, filter, ct)))
            .WithTags("Dashboard")
            .WithSummary("The cross-sector dashboard: initiatives per owning ministry and workstream by phase and status, the newest cross-sectoral initiatives, phases over time and the latest reporting round.")
            .WithDescription(
                "Ministries and workstreams are listed once; totals and matrix cells refer to them by index, and their counts are arrays in the order of "
                + "`phases` and `statuses`. `totals[].counts[phase][status]` counts each initiative once per owning ministry (with a workstream filter: those "
                + "contributing to it); `matrix[]` has per owning ministry and workstream (`workstream: null` is no workstream) the initiatives per phase and per "
                + "status. Only non-empty totals and cells are listed. The ministry filter is the owning ministry, as in the initiative list with "
                + "`ownedOnly=true`. `history` holds the last 14 days with changes, `crossSectoral` the 20 newest (`more`: the initiative list with "
                + "`crossSectoral=true` has more). `notConfirmed` counts per owning ministry (an index, only non-zero counts) the "
                + "initiatives in the selection whose status has been neither confirmed nor changed for `days` (60) days or more, "
                + "as the initiative list with `notConfirmedForDays=60` lists them.");

    // The view with the "not confirmed" counts, which follow the clock as well as the saves: kept beside the view per
    // version, Oslo day and filter (DashboardSnapshot.Kept.StaleAsync).
    public static async Task<DashboardView> WithNotConfirmedAsync(
        WorkstreamsDbContext db, DashboardSnapshot snapshot, IMinistryDirectory directory, IClock clock, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var kept = await snapshot.GetAsync(db, cancellationToken);
        var view = await HandleAsync(db, kept, directory, filter, cancellationToken);
        var now = clock.UtcNow;
        var stale = await kept.StaleAsync(Oslo.DateOf(now), filter, () => StaleStatus.PerMinistryAsync(db, filter, now, cancellationToken), cancellationToken);
        return view with { NotConfirmed = NotConfirmedCounts.For(view, stale) };
    }

    public static async Task<DashboardView> HandleAsync(
        WorkstreamsDbContext db, DashboardSnapshot snapshot, IMinistryDirectory directory, DashboardFilter filter, CancellationToken cancellationToken) =>
        await HandleAsync(db, await snapshot.GetAsync(db, cancellationToken), directory, filter, cancellationToken);

    private static async Task<DashboardView> HandleAsync(
        WorkstreamsDbContext db, DashboardSnapshot.Kept kept, IMinistryDirectory directory, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var activeMinistries = await directory.GetMinistriesAsync(cancellationToken);
        var unfiltered = filter with { Tag = filter.NeedsInitiatives ? filter.Tag : null } == new DashboardFilter();
        // The unfiltered answer (most requests) is made once per version and shared, also by requests in flight.
        return unfiltered
            ? await kept.UnfilteredAsync(activeMinistries, () => MakeAsync(db, kept, activeMinistries, filter, cancellationToken), cancellationToken)
            : await MakeAsync(db, kept, activeMinistries, filter, cancellationToken);
    }

    private static async Task<DashboardView> MakeAsync(
        WorkstreamsDbContext db, DashboardSnapshot.Kept kept, IReadOnlyList<MinistryInfo> activeMinistries, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var ministries = activeMinistries
            .Where(m => filter.MinistryId is null || m.Id == filter.MinistryId)
            .Select(m => new DashboardMinistry(m.Id, m.Code, m.NameNb, m.NameEn, m.NameNn))
            .ToList();
        var workstreams = await db.Workstreams.AsNoTracking()
            .Where(w => filter.WorkstreamId == null || w.Id == filter.WorkstreamId)
            .OrderBy(w => w.Chapter ?? int.MaxValue).ThenBy(w => w.TitleNb)
            .Select(w => new DashboardWorkstream(w.Id, w.Chapter, w.TitleNb, w.TitleEn, w.TitleNn))
            .ToListAsync(cancellationToken);

        var counts = filter.NeedsInitiatives ? await CountInitiativesAsync(db, filter, cancellationToken) : kept.Counts;
        var (totals, matrix) = counts.Project(ministries, workstreams, filter);

        // The dashboard counts initiatives by owning ministry, so its list does too (InitiativeFilter.OwnedOnly).
        var crossSectoral = await ListInitiatives.ItemsAsync(
            db,
            new InitiativeFilter(
                MinistryId: filter.MinistryId, OwnedOnly: filter.MinistryId is null ? null : true, WorkstreamId: filter.WorkstreamId, Phase: filter.Phase,
                Status: filter.Status, Tag: filter.Tag, CrossSectoral: true, PageSize: DashboardView.CrossSectoralShown + 1),
            cancellationToken);
        var more = crossSectoral.Count > DashboardView.CrossSectoralShown;
        if (more)
        {
            crossSectoral.RemoveAt(crossSectoral.Count - 1);
        }

        var history = kept.History.Count > DashboardView.HistoryDays ? kept.History.Skip(kept.History.Count - DashboardView.HistoryDays).ToList() : kept.History;
        var latestRound = await RoundProgress.LatestAsync(db, activeMinistries, kept.Counts.RunningPerMinistry(), cancellationToken);

        return new DashboardView(
            DashboardCounts.Phases, DashboardCounts.Statuses, ministries, workstreams, totals, matrix,
            new CrossSectoralList(crossSectoral, more), history, latestRound, filter.WorkstreamId);
    }

    private static async Task<DashboardCounts> CountInitiativesAsync(WorkstreamsDbContext db, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var initiatives = ListInitiatives.Apply(
            db.Initiatives.AsNoTracking(),
            new InitiativeFilter(Phase: filter.Phase, Status: filter.Status, Tag: filter.Tag));
        if (filter.MinistryId is { } ministryId)
        {
            initiatives = initiatives.Where(i => i.OwningMinistryId == ministryId);
        }

        var withWorkstream = initiatives.SelectMany(i => i.Workstreams, (i, w) => new { i.OwningMinistryId, w.WorkstreamId, i.Phase, i.Status });
        var withoutWorkstream = initiatives.Where(i => !i.Workstreams.Any()).Select(i => new { i.OwningMinistryId, WorkstreamId = Guid.Empty, i.Phase, i.Status });
        var all = initiatives.Select(i => new { i.OwningMinistryId, WorkstreamId = DashboardCell.AllWorkstreams, i.Phase, i.Status });
        var rows = await withWorkstream.Concat(withoutWorkstream).Concat(all)
            .GroupBy(r => new { r.OwningMinistryId, r.WorkstreamId, r.Phase, r.Status })
            .Select(g => new DashboardCounts.Row(g.Key.OwningMinistryId, g.Key.WorkstreamId, g.Key.Phase, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);
        return DashboardCounts.From(rows);
    }
}
