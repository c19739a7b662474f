using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Meetings.Dialogue;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter.Dialog;

// The public page of a published supplier dialogue: what it is, its terms, the published answers, and the
// registration form. No sign-in; rate limited, anti-forgery, a honeypot and a bounded body, as the public input page.
// A registration answers with the receipt and the private link on the page itself, so the link is never in a
// redirect's address or the browser's history of another page.
[AllowAnonymous]
[EnableRateLimiting("public")]
[RequestSizeLimit(DialogueRules.MaxBodyBytes)]
[RequestFormLimits(ValueLengthLimit = (int)DialogueRules.MaxBodyBytes)]
internal sealed class LeverandordialogModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public RegistrationForm Input { get; set; } = new();

    public PublicDialogueView Dialogue { get; private set; } = null!;

    public RegistrationReceipt? Receipt { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await PublicDialogue.GetAsync(deps.Db, Id, deps.Clock.UtcNow, cancellationToken) is not { } dialogue)
        {
            return NotFound();
        }

        Dialogue = dialogue;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await PublicDialogue.GetAsync(deps.Db, Id, deps.Clock.UtcNow, cancellationToken) is not { } dialogue)
        {
            return NotFound();
        }

        Dialogue = dialogue;
        if (!string.IsNullOrEmpty(Input.Website))
        {
            Refusal = Localized.T("Påmeldingen ble ikke tatt imot. Feltet «La stå tomt» må være tomt.", "The registration was not accepted. The field “Leave empty” must be empty.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await PublicDialogue.RegisterAsync(deps, Id, Input.ToRequest(), cancellationToken);
        switch (result.Outcome.Kind)
        {
            case OutcomeKind.Ok:
                Receipt = result.Outcome.Value;
                return Page();
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                ModelState.ReplaceWithFieldErrors(result.Outcome.Errors!, "Input");
                return Page();
            default:
                // Closed (403) or the organisation number already registered (409): said on the page, and the
                // duplicate beside the number.
                Refusal = result.Refusal?.ToString();
                if (result.Outcome.Kind == OutcomeKind.Conflict)
                {
                    ModelState.AddModelError("Input.OrganisationNumber", Refusal!);
                }

                Response.StatusCode = result.Outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
                return Page();
        }
    }

    public string PrivateLink(string token) => $"{Request.Scheme}://{Request.Host}/moter/leverandor/{token}";
}
