using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;

namespace Samordning.Feedback.Pages.Innspill;

internal sealed record PublishedInput(string Reference, DateTimeOffset ReceivedAt, ContributorType ContributorType, string? OrganisationName, string? ContributorName, string? Text, IReadOnlyList<AnswerInfo> Answers)
{
    // KMD's published response ("you said, we did"), or null.
    public FeedbackResponse? Response { get; init; }
}

// The public record of a round: published input only, with the name only where the contributor consented.
[AllowAnonymous]
internal sealed class MottattModel(FeedbackDbContext db) : PageModel
{
    public RoundDetails Round { get; private set; } = null!;

    public IReadOnlyList<PublishedInput> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenRound.GetAsync(db, id, cancellationToken) is not { IsPublic: true } round)
        {
            return NotFound();
        }

        Round = round;
        Items = await ListAsync(db, id, cancellationToken);
        return Page();
    }

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
