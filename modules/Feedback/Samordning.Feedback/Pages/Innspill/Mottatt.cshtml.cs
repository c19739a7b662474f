using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Web;

namespace Samordning.Feedback.Pages.Innspill;

internal sealed record PublishedInput(string Reference, DateTimeOffset ReceivedAt, ContributorType ContributorType, string? OrganisationName, string? ContributorName, string? Text, IReadOnlyList<AnswerInfo> Answers)
{
    // KMD's published response ("you said, we did"), or null.
    public FeedbackResponse? Response { get; init; }
}

// The public record of a round: published input only, with the name only where the contributor consented.
// An anonymous visitor is answered from the host's cache of whole public pages; for everyone else the list, the same
// for every visitor of a language, is cached as rendered HTML (the <cache> tag helper) under the round and the
// public-content key; it is read inside the cached part, so a hit costs no query.
[AllowAnonymous]
[PublicPage]
internal sealed class MottattModel(FeedbackDbContext db) : PageModel
{
    public RoundDetails Round { get; private set; } = null!;

    // What the cached list is keyed by (besides the language).
    public string? ContentKey => PublicPage.ContentKey(HttpContext) is { } key ? $"{Round.Id}:{key}" : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenRound.GetAsync(db, id, cancellationToken) is not { IsPublic: true } round)
        {
            return NotFound();
        }

        Round = round;
        return Page();
    }

    // Called by the page on a cache miss only.
    public Task<List<PublishedInput>> ReadAsync() => ListAsync(db, Round.Id, HttpContext.RequestAborted);

    public static async Task<List<PublishedInput>> ListAsync(FeedbackDbContext db, Guid roundId, CancellationToken cancellationToken) =>
        await db.Items.AsNoTracking().PubliclyVisible().Where(i => i.RoundId == roundId)
            .OrderBy(i => i.ReceivedAt)
            .Select(i => new PublishedInput(
                i.Reference, i.ReceivedAt, i.ContributorType, i.OrganisationName,
                i.ConsentToPublishName ? i.ContributorName : null,
                i.Text,
                i.Answers.OrderBy(a => a.QuestionId).Select(a => new AnswerInfo(a.Question, a.Text)).ToList())
            {
                Response = db.Responses.FirstOrDefault(r => r.Id == i.Id && r.Published),
            })
            .ToListAsync(cancellationToken);
}
