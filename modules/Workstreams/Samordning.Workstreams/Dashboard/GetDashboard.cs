using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Dashboard;

internal sealed record DashboardFilter(Guid? MinistryId = null, Guid? WorkstreamId = null, Phase? Phase = null, Rag? Status = null, string? Tag = null)
{
    // Tags are not a dimension of the kept aggregates: a tag filter counts initiatives instead.
    public bool NeedsInitiatives => !string.IsNullOrWhiteSpace(Tag);
}

internal sealed record DashboardMinistry(Guid Id, string Code, string NameNb, string NameEn);

internal sealed record DashboardWorkstream(Guid Id, int? Chapter, string TitleNb, string? TitleEn);

internal sealed record DashboardCount(Guid MinistryId, Guid WorkstreamId, Phase Phase, Rag Status, int Count);

internal sealed record PhasePoint(DateOnly Day, Phase Phase, int Count);

internal sealed record DashboardView(
    IReadOnlyList<DashboardMinistry> Ministries,
    IReadOnlyList<DashboardWorkstream> Workstreams,
    IReadOnlyList<DashboardCount> Counts,
    IReadOnlyList<InitiativeListItem> CrossSectoral,
    IReadOnlyList<PhasePoint> History,
    RoundProgress? LatestRound,
    Guid? FocusWorkstreamId)
{
    // Without a workstream: each initiative once (or, when the view is filtered to a workstream, those
    // contributing to it). With one: the initiatives contributing to it.
    public int Total(Guid? ministryId = null, Guid? workstreamId = null, Phase? phase = null, Rag? status = null)
    {
        var workstream = workstreamId ?? FocusWorkstreamId ?? DashboardCell.AllWorkstreams;
        return Counts.Where(c => c.WorkstreamId == workstream && (ministryId is null || c.MinistryId == ministryId)
                && (phase is null || c.Phase == phase) && (status is null || c.Status == status))
            .Sum(c => c.Count);
    }
}

internal sealed class GetDashboard : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/workstreams/dashboard", async ([AsParameters] DashboardFilter filter, WorkstreamsDbContext db, IMinistryDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(db, directory, filter, ct)))
            .WithTags("Dashboard")
            .WithSummary("The cross-sector dashboard: initiatives per ministry and workstream by phase and status, cross-sectoral initiatives, phases over time and the latest reporting round.");

    public static async Task<DashboardView> HandleAsync(WorkstreamsDbContext db, IMinistryDirectory directory, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var activeMinistries = await directory.GetMinistriesAsync(cancellationToken);
        var ministries = activeMinistries
            .Where(m => filter.MinistryId is null || m.Id == filter.MinistryId)
            .Select(m => new DashboardMinistry(m.Id, m.Code, m.NameNb, m.NameEn))
            .ToList();
        var workstreams = await db.Workstreams.AsNoTracking()
            .Where(w => filter.WorkstreamId == null || w.Id == filter.WorkstreamId)
            .OrderBy(w => w.Chapter ?? int.MaxValue).ThenBy(w => w.TitleNb)
            .Select(w => new DashboardWorkstream(w.Id, w.Chapter, w.TitleNb, w.TitleEn))
            .ToListAsync(cancellationToken);

        var counts = filter.NeedsInitiatives ? await CountInitiativesAsync(db, filter, cancellationToken) : await ReadCellsAsync(db, filter, cancellationToken);
        var crossSectoral = await ListInitiatives.ItemsAsync(
            db, new InitiativeFilter(MinistryId: filter.MinistryId, WorkstreamId: filter.WorkstreamId, Phase: filter.Phase, Status: filter.Status, Tag: filter.Tag, CrossSectoral: true, PageSize: 20),
            cancellationToken);
        var history = await db.PhaseSnapshots.AsNoTracking()
            .OrderBy(s => s.Day)
            .Select(s => new PhasePoint(s.Day, s.Phase, s.Count))
            .ToListAsync(cancellationToken);
        var latestRound = await RoundProgress.LatestAsync(db, activeMinistries, cancellationToken);

        return new DashboardView(ministries, workstreams, counts, crossSectoral, history, latestRound, filter.WorkstreamId);
    }

    private static Task<List<DashboardCount>> ReadCellsAsync(WorkstreamsDbContext db, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var cells = db.DashboardCells.AsNoTracking().Where(c => c.Count != 0);
        if (filter.MinistryId is { } ministryId)
        {
            cells = cells.Where(c => c.MinistryId == ministryId);
        }

        if (filter.Phase is { } phase)
        {
            cells = cells.Where(c => c.Phase == phase);
        }

        if (filter.Status is { } status)
        {
            cells = cells.Where(c => c.Status == status);
        }

        return cells.Select(c => new DashboardCount(c.MinistryId, c.WorkstreamId, c.Phase, c.Status, c.Count)).ToListAsync(cancellationToken);
    }

    private static async Task<List<DashboardCount>> CountInitiativesAsync(WorkstreamsDbContext db, DashboardFilter filter, CancellationToken cancellationToken)
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
            .Select(g => new DashboardCount(g.Key.OwningMinistryId, g.Key.WorkstreamId, g.Key.Phase, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);
        return rows;
    }
}
