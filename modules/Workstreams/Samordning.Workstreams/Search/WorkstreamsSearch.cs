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

    public Task<SearchSourceResult> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SearchMatch.OnOneConnectionAsync(db, () => FindAllAsync(query, user, cancellationToken), cancellationToken);

    private async Task<SearchSourceResult> FindAllAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var initiatives = query.Wants(Initiative) ? await InitiativesAsync(query, cancellationToken) : SearchSourceResult.None;
        var workstreams = query.Wants(Workstream) && query.MinistryId is null ? await WorkstreamsAsync(query, cancellationToken) : SearchSourceResult.None;
        return new([.. initiatives.Hits, .. workstreams.Hits], initiatives.Total + workstreams.Total);
    }

    // The count first (unfiltered, from the full-text index alone, up to what the search shows and the reading needs),
    // so the page can be read the cheaper way
    // (SearchMatch.ReadingFor); then title matches before the rest, each newest first, as two queries, so that each can
    // walk the index on UpdatedAt when the hits are many rather than read every hit to order them.
    private async Task<SearchSourceResult> InitiativesAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var filtered = query.MinistryId is not null || query.WorkstreamId is not null;
        var countLimit = SearchMatch.CountLimitFor(db, query);
        var total = filtered
            ? await Matching(query, SearchReading.ByMatch).Take(countLimit).CountAsync(cancellationToken)
            : await SearchMatch.CountAsync<Initiative>(db, query.Terms, SearchSection.Readable, countLimit, cancellationToken);
        if (total == 0)
        {
            return SearchSourceResult.None;
        }

        var initiatives = Matching(query, SearchMatch.ReadingFor(total, query.Limit));
        var title = SearchIndex.InTitle(query.LeadingTerm);
        var hits = await PageAsync(initiatives.Where(i => EF.Functions.Like(i.SearchIndex, title)), query.Limit, cancellationToken);
        if (hits.Count < query.Limit && hits.Count < total)
        {
            hits.AddRange(await PageAsync(initiatives.Where(i => !EF.Functions.Like(i.SearchIndex, title)), query.Limit - hits.Count, cancellationToken));
        }

        return new([.. hits], Math.Min(total, query.CountLimit));
    }

    private IQueryable<Initiative> Matching(SearchQuery query, SearchReading reading)
    {
        var initiatives = SearchMatch.Rows<Initiative>(db, query.Terms, SearchSection.Readable, reading).AsNoTracking();
        if (query.MinistryId is { } ministryId)
        {
            initiatives = initiatives.Where(i => i.OwningMinistryId == ministryId || i.CollaboratingMinistries.Any(m => m.MinistryId == ministryId));
        }

        if (query.WorkstreamId is { } workstreamId)
        {
            initiatives = initiatives.Where(i => i.Workstreams.Any(w => w.WorkstreamId == workstreamId));
        }

        return initiatives;
    }

    private static async Task<List<SearchHit>> PageAsync(IQueryable<Initiative> initiatives, int limit, CancellationToken cancellationToken)
    {
        var rows = await initiatives.OrderByDescending(i => i.UpdatedAt).Take(limit)
            .Select(i => new { i.Id, i.Title, i.Summary, i.OwningMinistryCode, i.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(i => new SearchHit(Initiative, i.Id, i.Title, i.Summary, $"/arbeidsstrommer/tiltak/{i.Id}", i.OwningMinistryCode, i.UpdatedAt))];
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
            hits.Count < query.Limit ? hits.Count : await workstreams.Take(query.CountLimit).CountAsync(cancellationToken));
    }
}
