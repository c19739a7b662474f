using System.Security.Claims;
using Samordning.Ministries.Data;
using Samordning.Shared.Search;

namespace Samordning.Ministries.Search;

// Ministries, agencies and people. The registry is open to everyone registered (its lists need no more than
// sign-in), so every active record is searched; nothing in it belongs to a workstream, so a workstream filter
// finds nothing here.
internal sealed class RegistrySearch(MinistriesDbContext db) : ISearchSource
{
    public const string Ministry = "ministry";
    public const string Agency = "agency";
    public const string Person = "person";

    public IReadOnlyList<SearchKind> Kinds { get; } =
    [
        new(Ministry, new("Departement", "Ministry")),
        new(Agency, new("Virksomhet", "Agency")),
        new(Person, new("Person", "Person")),
    ];

    // Hundreds of ministries, agencies and people: any plan reads them fast, so the statements keep the plans the
    // server reuses rather than being planned for each search's words.
    public Task<SearchSourceResult> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SearchMatch.OnOneConnectionAsync(db, () => FindAllAsync(query, user, cancellationToken), cancellationToken, SearchPlanning.Reused);

    private async Task<SearchSourceResult> FindAllAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (query.WorkstreamId is not null)
        {
            return SearchSourceResult.None;
        }

        var ministryId = query.MinistryId;
        var ministries = query.Wants(Ministry)
            ? await FindAsync<Ministry>(query, q => q.Where(m => m.Active && (ministryId == null || m.Id == ministryId)),
                q => q.OrderBy(m => m.NameNb).Select(m => new SearchHit(Ministry, m.Id, m.NameNb, m.NameEn, "/departementer/" + m.Id, m.Code, null)), cancellationToken)
            : SearchSourceResult.None;
        var agencies = query.Wants(Agency)
            ? await FindAsync<Agency>(query, q => q.Where(a => a.Active && (ministryId == null || a.MinistryId == ministryId)),
                q => q.OrderBy(a => a.NameNb).Select(a => new SearchHit(Agency, a.Id, a.NameNb, a.NameEn, "/departementer/" + a.MinistryId, a.Ministry!.Code, null)), cancellationToken)
            : SearchSourceResult.None;
        var people = query.Wants(Person)
            ? await FindAsync<Person>(query, q => q.Where(p => p.Active && (ministryId == null || p.MinistryId == ministryId)),
                q => q.OrderBy(p => p.Name).Select(p => new SearchHit(Person, p.Id, p.Name, p.Title, p.Email, p.Ministry != null ? p.Ministry.Code : null, null)), cancellationToken)
            : SearchSourceResult.None;

        // The people list, filtered to the person by e-mail: the registry has no page per person that everyone may open.
        people = people with { Hits = [.. people.Hits.Select(h => h with { Url = "/departementer/personer?q=" + Uri.EscapeDataString(h.Url) })] };
        return new([.. ministries.Hits, .. agencies.Hits, .. people.Hits], ministries.Total + agencies.Total + people.Total);
    }

    private async Task<SearchSourceResult> FindAsync<T>(
        SearchQuery query, Func<IQueryable<T>, IQueryable<T>> filter,
        Func<IQueryable<T>, IQueryable<SearchHit>> project, CancellationToken cancellationToken)
        where T : class, ISearchIndexed
    {
        var rows = filter(SearchMatch.Rows<T>(db, query.Terms, SearchSection.Readable).AsNoTracking());

        var hits = await project(rows).Take(query.Limit).ToListAsync(cancellationToken);
        return new(hits, hits.Count < query.Limit ? hits.Count : await rows.Take(query.CountLimit).CountAsync(cancellationToken));
    }
}
