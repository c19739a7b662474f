using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Meetings.Guests;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Gjest;

internal sealed class GuestForm
{
    public string? Name { get; set; }
    public bool Consent { get; set; }
}

// Where a guest link lands: no sign-in, rate limited, anti-forgery. It asks the guest's name (unless the link names
// them) and their consent, then starts a guest session for the link's meeting alone. A link that no longer opens
// says why, in the guest's language; nothing here uses the link up until the form is sent.
[AllowAnonymous]
[EnableRateLimiting("public")]
internal sealed class IndexModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public GuestForm Guest { get; set; } = new();

    public string? MeetingTitle { get; private set; }

    public string? NamedGuest { get; private set; }

    public LocalizedText? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (link, status) = await GuestRedemption.FindAsync(deps.Db, deps.Clock, Token, cancellationToken);
        if (link is not null && User.PersonId() is not null)
        {
            // A signed-in person needs no guest session: their own access decides.
            return Redirect($"/moter/{link.MeetingId}");
        }

        return await ShowAsync(link, status, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (outcome, status) = await GuestRedemption.RedeemAsync(deps, Token, Guest.Name, Guest.Consent, cancellationToken);
        if (outcome is { Kind: Shared.Http.OutcomeKind.Ok, Value: { } redeemed })
        {
            await HttpContext.SignOutAsync(GuestClaims.Scheme);
            await HttpContext.SignInAsync(GuestClaims.Scheme, redeemed.ToPrincipal(),
                new AuthenticationProperties { ExpiresUtc = redeemed.Link.ExpiresAt, IsPersistent = true, AllowRefresh = false });
            return Redirect($"/moter/{redeemed.Link.MeetingId}");
        }

        if (outcome.Kind == Shared.Http.OutcomeKind.Invalid)
        {
            ModelState.ReplaceWithFieldErrors(outcome.Errors!, nameof(Guest));
        }

        var (link, _) = await GuestRedemption.FindAsync(deps.Db, deps.Clock, Token, cancellationToken);
        return await ShowAsync(link, status, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Data.GuestLink? link, GuestLinkStatus? status, CancellationToken cancellationToken)
    {
        if (link is null || status != GuestLinkStatus.Active)
        {
            Refusal = GuestLinkRules.Refusal(link is null ? null : status);
            Response.StatusCode = link is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return Page();
        }

        MeetingTitle = await deps.Db.Meetings.AsNoTracking().Where(m => m.Id == link.MeetingId).Select(m => m.Title).FirstOrDefaultAsync(cancellationToken);
        NamedGuest = link.GuestName;
        return Page();
    }
}
