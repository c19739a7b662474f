using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Shared.Search;

namespace Samordning.Feedback.Search;

// Input in the register, as far as the person may read it (FeedbackAccess.Visible: exempt input and other
// ministries' input stay hidden from those who may not see them). The contributor's name is searched, and shown,
// only where the item's page would show it (ItemDetails): to coordinators, to the contact persons of the ministry
// the input came from, and where the contributor consented to their name being published.
internal sealed class FeedbackSearch(FeedbackDbContext db) : ISearchSource
{
    public const string Input = "input";

    public IReadOnlyList<SearchKind> Kinds { get; } =
    [
        new(Input, new("Innspill", "Input")),
    ];

    public Task<SearchSourceResult> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SearchMatch.OnOneConnectionAsync(db, () => FindAllAsync(query, user, cancellationToken), cancellationToken);

    private async Task<SearchSourceResult> FindAllAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!query.Wants(Input))
        {
            return SearchSourceResult.None;
        }

        var items = db.Items.AsNoTracking().Visible(user);
        if (query.MinistryId is { } ministryId)
        {
            items = items.Where(i => i.MinistryId == ministryId);
        }

        if (query.WorkstreamId is { } workstreamId)
        {
            items = items.Where(i => i.Workstreams.Any(w => w.WorkstreamId == workstreamId));
        }

        var coordinator = user.IsInRole(Roles.Coordinator);
        var ownMinistry = user.IsInRole(Roles.ContactPerson) ? user.MinistryId() : null;
        // Per term, the ids of the items that hold it (in their personal part only where the name may be seen) or
        // whose answer does, as one UNION: each part is a lookup in its table's full-text index, and the item is then
        // one membership test. An OR of the id sets instead kept PostgreSQL from using the index at all: it tested
        // every item against each set (hashed subplans) to order and count them.
        foreach (var term in query.Terms)
        {
            var found = coordinator
                ? Ids(term, SearchSection.Anywhere)
                : Ids(term, SearchSection.Readable).Union(
                    SearchMatch.Rows<FeedbackItem>(db, [term], SearchSection.Anywhere)
                        .Where(i => i.ConsentToPublishName || (ownMinistry != null && i.MinistryId == ownMinistry))
                        .Select(i => i.Id));
            found = found.Union(SearchMatch.Rows<FeedbackAnswer>(db, [term], SearchSection.Readable).Select(a => a.ItemId));
            items = items.Where(i => found.Contains(i.Id));
        }

        var hits = await items
            .OrderByDescending(i => i.ReceivedAt)
            .Take(query.Limit)
            .Select(i => new
            {
                i.Id,
                i.Reference,
                i.Text,
                i.OrganisationName,
                Name = coordinator || i.ConsentToPublishName || (ownMinistry != null && i.MinistryId == ownMinistry) ? i.ContributorName : null,
                i.ReceivedAt,
                Answers = i.Answers.OrderBy(a => a.QuestionId).Select(a => a.Text).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new(
            [.. hits.Select(i => new SearchHit(
                Input, i.Id, i.Reference, string.Join(" · ", new[] { i.Text }.Concat(i.Answers).Where(t => !string.IsNullOrWhiteSpace(t))),
                $"/innspillsregister/{i.Id}", string.Join(" · ", new[] { i.Name, i.OrganisationName }.Where(t => !string.IsNullOrWhiteSpace(t))), i.ReceivedAt))],
            hits.Count < query.Limit ? hits.Count : await items.Take(query.CountLimit).CountAsync(cancellationToken));
    }

    private IQueryable<Guid> Ids(string term, SearchSection section) =>
        SearchMatch.Rows<FeedbackItem>(db, [term], section).Select(i => i.Id);
}
