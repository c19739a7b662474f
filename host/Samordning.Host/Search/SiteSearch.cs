using System.Security.Claims;
using Samordning.Shared.Http;
using Samordning.Shared.Search;
using Samordning.Shared.Validation;

namespace Samordning.Host.Search;

// What the search page and GET /api/search ask for. Kind may be given several times.
internal sealed record SearchRequest(string? Q, string[]? Kind, Guid? MinistryId, Guid? WorkstreamId, int Page = 1, int PageSize = SiteSearch.DefaultPageSize);

internal sealed record SearchResult(
    string Kind, string KindLabel, Guid Id, string Title, string TitleHtml, string? ExcerptHtml, string? Context, string Url, int Score);

// Total counts the hits up to MaxResults, the most the search shows; More says there are more than that.
internal sealed record SearchResults(
    string Query, IReadOnlyList<SearchResult> Items, int Total, bool More, int Page, int PageSize, int Pages);

// The one search across modules: every module's ISearchSource searches what it owns and leaves out what the person
// may not read; this merges their hits, ranks them on the words people see, highlights and pages. Ranking needs the
// best hits of every source, so each source returns up to page × page size hits (title matches and the newest
// first), which bounds how deep one may page (MaxResults). Sources count their hits only up to one past that: the
// exact number of hits of a common word costs a server database a read of every hit's row, for a number nobody pages
// to, so past MaxResults the search says "more than 200".
internal sealed class SiteSearch(IEnumerable<ISearchSource> sources)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const int MaxResults = 200;
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 8;

    private readonly IReadOnlyList<ISearchSource> sources = [.. sources];

    public IReadOnlyList<SearchKind> Kinds => [.. sources.SelectMany(s => s.Kinds)];

    public async Task<Outcome<SearchResults>> SearchAsync(SearchRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var kinds = Kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var errors = Validate(request, kinds.Keys);
        if (errors.Any)
        {
            return Outcome.Invalid<SearchResults>(errors);
        }

        var terms = NorwegianText.Terms(request.Q);
        var wanted = (request.Kind ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).ToHashSet(StringComparer.Ordinal);
        var query = new SearchQuery(terms, wanted, request.MinistryId, request.WorkstreamId, request.Page * request.PageSize, MaxResults + 1);

        // One after the other: each source's query is a scan of one module's store, and a request holding several
        // connections at once would only contend with the other requests for them.
        var hits = new List<SearchHit>();
        var total = 0;
        foreach (var source in sources.Where(s => s.Kinds.Any(k => query.Wants(k.Name))))
        {
            var found = await source.SearchAsync(query, user, cancellationToken);
            hits.AddRange(found.Hits);
            total += found.Total;
        }

        var ranked = hits
            .Select(h => (Hit: h, Score: SearchHighlight.Score(h.Title, terms, 3) + SearchHighlight.Score(h.Text, terms, 1) + SearchHighlight.Score(h.Context, terms, 1)))
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Hit.UpdatedAt).ThenBy(r => r.Hit.Title, StringComparer.Ordinal).ThenBy(r => r.Hit.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(r => new SearchResult(
                r.Hit.Kind, kinds.TryGetValue(r.Hit.Kind, out var kind) ? kind.Label : r.Hit.Kind, r.Hit.Id, r.Hit.Title,
                SearchHighlight.Mark(r.Hit.Title, terms),
                string.IsNullOrWhiteSpace(r.Hit.Text) ? null : SearchHighlight.Excerpt(r.Hit.Text, terms),
                string.IsNullOrWhiteSpace(r.Hit.Context) ? null : r.Hit.Context, r.Hit.Url, r.Score))
            .ToList();
        var reachable = Math.Min(total, MaxResults);
        return Outcome.Ok(new SearchResults(
            request.Q!.Trim(), ranked, reachable, total > MaxResults, request.Page, request.PageSize, Math.Max(1, (reachable + request.PageSize - 1) / request.PageSize)));
    }

    private static FieldErrors Validate(SearchRequest request, IEnumerable<string> kinds)
    {
        var errors = new FieldErrors().Required(nameof(SearchRequest.Q), request.Q, new("Søkeord", "Search terms"), MaxQueryLength);
        if (!errors.Has(nameof(SearchRequest.Q)))
        {
            var count = NorwegianText.Terms(request.Q).Count;
            if (count == 0)
            {
                errors.Add(nameof(SearchRequest.Q), new("Søkeord må ha minst én bokstav eller ett siffer.", "Search terms need at least one letter or digit."));
            }
            else if (count > MaxTerms)
            {
                errors.Add(nameof(SearchRequest.Q), new($"Bruk høyst {MaxTerms} søkeord.", $"Use at most {MaxTerms} search terms."));
            }
        }

        var known = kinds.ToHashSet(StringComparer.Ordinal);
        foreach (var kind in (request.Kind ?? []).Where(k => !string.IsNullOrWhiteSpace(k) && !known.Contains(k)))
        {
            errors.Add(nameof(SearchRequest.Kind), new($"Ukjent type «{kind}».", $"Unknown kind '{kind}'."));
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(nameof(SearchRequest.PageSize), new($"Antall per side må være mellom 1 og {MaxPageSize}.", $"Page size must be between 1 and {MaxPageSize}."));
        }
        else if (request.Page < 1 || (long)request.Page * request.PageSize > MaxResults + request.PageSize - 1)
        {
            errors.Add(nameof(SearchRequest.Page), new(
                $"Siden må være mellom 1 og {(MaxResults + request.PageSize - 1) / request.PageSize}: søket viser de {MaxResults} beste treffene.",
                $"The page must be between 1 and {(MaxResults + request.PageSize - 1) / request.PageSize}: search shows the best {MaxResults} hits."));
        }

        return errors;
    }
}
