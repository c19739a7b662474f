using System.Security.Claims;
using Samordning.Shared.Search;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Search;

// Initiatives and workstreams. Everyone registered reads both (InitiativeAccess), so nothing is held back here;
// a workstream belongs to no ministry, so a ministry filter leaves workstreams out.
internal sealed class WorkstreamsSearch(WorkstreamsDbContext db) : ISearchSource
{
    public const string Initiative = "initiative";
    public const string Workstream = "workstream";

    public IReadOnlyList<SearchKind> Kinds { get; } =
    [
        new(Initiative, new("Tiltak", "Initiative")),
        new(Workstream, new("Arbeidsstrøm", "Workstream")),
    ];

    public async Task<SearchSourceResult> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var initiatives = query.Wants(Initiative) ? await InitiativesAsync(query, cancellationToken) : SearchSourceResult.None;
        var workstreams = query.Wants(Workstream) && query.MinistryId is null ? await WorkstreamsAsync(query, cancellationToken) : SearchSourceResult.None;
        return new([.. initiatives.Hits, .. workstreams.Hits], initiatives.Total + workstreams.Total);
    }

    private async Task<SearchSourceResult> InitiativesAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var initiatives = SearchMatch.Rows<Initiative>(db, query.Terms, SearchSection.Readable).AsNoTracking();

        if (query.MinistryId is { } ministryId)
        {
            initiatives = initiatives.Where(i => i.OwningMinistryId == ministryId || i.CollaboratingMinistries.Any(m => m.MinistryId == ministryId));
        }

        if (query.WorkstreamId is { } workstreamId)
        {
            initiatives = initiatives.Where(i => i.Workstreams.Any(w => w.WorkstreamId == workstreamId));
        }

        var title = SearchIndex.InTitle(query.LeadingTerm);
        var hits = await initiatives
            .OrderByDescending(i => EF.Functions.Like(i.SearchIndex, title)).ThenByDescending(i => i.UpdatedAt)
            .Take(query.Limit)
            .Select(i => new { i.Id, i.Title, i.Summary, i.OwningMinistryCode, i.UpdatedAt })
            .ToListAsync(cancellationToken);
        return new(
            [.. hits.Select(i => new SearchHit(Initiative, i.Id, i.Title, i.Summary, $"/arbeidsstrommer/tiltak/{i.Id}", i.OwningMinistryCode, i.UpdatedAt))],
            hits.Count < query.Limit ? hits.Count : await initiatives.CountAsync(cancellationToken));
    }

    private async Task<SearchSourceResult> WorkstreamsAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var workstreams = SearchMatch.Rows<Workstream>(db, query.Terms, SearchSection.Readable).AsNoTracking();

        if (query.WorkstreamId is { } workstreamId)
        {
            workstreams = workstreams.Where(w => w.Id == workstreamId);
        }

        var hits = await workstreams.OrderBy(w => w.Chapter).ThenBy(w => w.TitleNb).Take(query.Limit)
            .Select(w => new { w.Id, w.TitleNb, w.Description, w.Chapter })
            .ToListAsync(cancellationToken);
        return new(
            [.. hits.Select(w => new SearchHit(Workstream, w.Id, w.TitleNb, w.Description, $"/arbeidsstrommer?workstreamId={w.Id}"))],
            hits.Count < query.Limit ? hits.Count : await workstreams.CountAsync(cancellationToken));
    }
}
