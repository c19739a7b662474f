using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Meetings.Dialogue;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter.Dialog;

// A registered supplier's own page, opened by the private link alone: the slots offered to all (book one, cancel
// it), its questions to KMD, and the answers published to all. Every post goes through the same use cases as the API.
[AllowAnonymous]
[EnableRateLimiting("public")]
[RequestSizeLimit(DialogueRules.MaxBodyBytes)]
[RequestFormLimits(ValueLengthLimit = (int)DialogueRules.MaxBodyBytes)]
internal sealed class LeverandorModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public SupplierQuestionRequest Ask { get; set; } = new(null);

    public SupplierPageView View { get; private set; } = null!;

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public DateTimeOffset Now => deps.Clock.UtcNow;

    public async Task<IActionResult> OnGetAsync(string? melding, CancellationToken cancellationToken)
    {
        Message = melding switch
        {
            "booket" => Localized.T("Tidspunktet er booket.", "The slot is booked."),
            "avbestilt" => Localized.T("Bookingen er avbestilt, og tidspunktet er ledig for alle igjen.", "The booking is cancelled, and the slot is free for all again."),
            "spurt" => Localized.T("Spørsmålet er sendt til KMD. Svaret publiseres for alle leverandører.", "The question has been sent to KMD. The answer is published for all suppliers."),
            _ => null,
        };
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostBookAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (await SupplierActions.FindAsync(deps.Db, Token, cancellationToken) is not { } supplier)
        {
            return NotFound();
        }

        var result = await DialogueSlots.BookAsync(deps, supplier.Id, slotId, cancellationToken);
        return await AnswerAsync(result.Outcome.Kind, result.Refusal, "booket", cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (await SupplierActions.FindAsync(deps.Db, Token, cancellationToken) is not { } supplier)
        {
            return NotFound();
        }

        var result = await DialogueSlots.CancelAsync(deps, supplier.DialogueId, slotId, supplier.Id, cancellationToken);
        return await AnswerAsync(result.Outcome.Kind, result.Refusal, "avbestilt", cancellationToken);
    }

    public async Task<IActionResult> OnPostAskAsync(CancellationToken cancellationToken)
    {
        if (await SupplierActions.FindAsync(deps.Db, Token, cancellationToken) is not { } supplier)
        {
            return NotFound();
        }

        var result = await SupplierActions.AskAsync(deps, supplier, Ask, cancellationToken);
        if (this.Answer(result, _ => Redirect($"/moter/leverandor/{Token}?melding=spurt#sporsmal"), prefix: nameof(Ask)) is { } answered)
        {
            return answered;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    // Done: back to the page (post, redirect, get). Refused (the slot taken, the limit reached): the page again
    // with why, and 409, so the person reads the slots as they are now.
    private async Task<IActionResult> AnswerAsync(OutcomeKind kind, LocalizedText? refusal, string done, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case OutcomeKind.Ok:
                return Redirect($"/moter/leverandor/{Token}?melding={done}#tider");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                Message = refusal?.ToString() ?? Localized.T("Det gikk ikke.", "That did not work.");
                MessageIsError = true;
                Response.StatusCode = kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
                return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // The private link must not travel on as a referrer to the video links or elsewhere.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await SupplierActions.GetAsync(deps, Token, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
