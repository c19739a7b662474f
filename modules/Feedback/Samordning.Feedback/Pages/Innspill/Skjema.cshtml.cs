using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Feedback.Submissions;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Feedback.Pages.Innspill;

// The public input page: no sign-in, rate limited per address (the host's "public" policy), anti-forgery,
// a honeypot, and a bounded body; the round's deadline is enforced by the server's clock. A file over the limit
// (even one far over what the whole form may hold) re-renders the form with what was typed and the limit named.
// An anonymous GET is answered from the host's cache of whole public pages, with the visitor's own antiforgery token
// and idempotency key put in (PublicPage.FreshToken); the cached form is not served past the round's deadline.
[AllowAnonymous]
[PublicPage]
[EnableRateLimiting(PublicRateLimit.Policy)]
[BoundedForm(AttachmentRules.MaxBytes, 2 * AttachmentRules.MaxRequestBytes)]
internal sealed class SkjemaModel(FeedbackDbContext db, SubmitInput submit, IClock clock) : PageModel
{
    [BindProperty]
    public InputForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public RoundDetails Round { get; private set; } = null!;

    public bool IsClosed { get; private set; }

    public bool Rejected { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        var now = clock.UtcNow;
        IsClosed = !round.IsOpenAt(now);
        if (now < round.OpensAt)
        {
            PublicPage.ValidUntil(HttpContext, round.OpensAt);
        }
        else if (!IsClosed)
        {
            // The second after the deadline, which a round stored at the calendar's end does not have.
            PublicPage.ValidUntil(HttpContext, round.Deadline < DateTimeOffset.MaxValue.AddSeconds(-1) ? round.Deadline.AddSeconds(1) : DateTimeOffset.MaxValue);
        }

        Input.Token = PublicPage.FreshToken(HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        if (!string.IsNullOrEmpty(Input.Website))
        {
            Rejected = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var files = await AttachmentRules.ReadAsync(Attachments, cancellationToken);
        var result = await submit.HandleAsync(round, User, Input.ToRequest(files), cancellationToken);
        switch (result.Kind)
        {
            case SubmitResultKind.Accepted:
                return Redirect($"/innspill/kvittering/{result.Receipt!.Reference}");
            case SubmitResultKind.NotFound:
                return NotFound();
            case SubmitResultKind.Closed:
                IsClosed = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                ModelState.Clear();
                ModelState.AddFieldErrors(result.Errors!, "Input");
                if (result.Errors!.Has(nameof(SubmitInputRequest.Token)))
                {
                    // Nothing was stored under the bad token; a fresh one lets the same text be sent again.
                    Input.Token = PublicPage.FreshToken(HttpContext);
                }

                if (result.Kind == SubmitResultKind.TooLarge)
                {
                    Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                }

                return Page();
        }
    }

    // A round by invitation: contact persons, and a guest whose link is to this round (no other).
    private async Task<RoundDetails?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await OpenRound.GetAsync(db, id, cancellationToken) is { } round && (round.IsPublic || User.IsInRole(Roles.ContactPerson) || User.GuestRoundId() == id) ? round : null;
}

internal static class PublicRateLimit
{
    // The host's policy for public pages: a fixed budget per client address, with a readable 429.
    public const string Policy = "public";
}
