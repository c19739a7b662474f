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
        // The item's own index (its personal part only where the name may be seen) or one of its answers': id sets,
        // so each is looked up in its index.
        foreach (var term in query.Terms)
        {
            var readable = Ids(term, SearchSection.Readable);
            var anywhere = Ids(term, SearchSection.Anywhere);
            var answered = SearchMatch.Rows<FeedbackAnswer>(db, [term], SearchSection.Readable).Select(a => a.ItemId);
            items = coordinator
                ? items.Where(i => anywhere.Contains(i.Id) || answered.Contains(i.Id))
                : items.Where(i => readable.Contains(i.Id)
                    || ((i.ConsentToPublishName || (ownMinistry != null && i.MinistryId == ownMinistry)) && anywhere.Contains(i.Id))
                    || answered.Contains(i.Id));
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
