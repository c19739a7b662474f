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

    public async Task<SearchSourceResult> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
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
        foreach (var term in query.Terms)
        {
            var readable = SearchIndex.Readable(term);
            var anywhere = SearchIndex.Anywhere(term);
            items = coordinator
                ? items.Where(i => EF.Functions.Like(i.SearchIndex, anywhere) || i.Answers.Any(a => EF.Functions.Like(a.SearchIndex, readable)))
                : items.Where(i => EF.Functions.Like(i.SearchIndex, readable)
                    || ((i.ConsentToPublishName || (ownMinistry != null && i.MinistryId == ownMinistry)) && EF.Functions.Like(i.SearchIndex, anywhere))
                    || i.Answers.Any(a => EF.Functions.Like(a.SearchIndex, readable)));
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
            hits.Count < query.Limit ? hits.Count : await items.CountAsync(cancellationToken));
    }
}
