using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Shared.Security;
using Samordning.Shared.Text;
using Samordning.Shared.Validation;
using Samordning.Shared.Web;
using Samordning.Host.Web;

namespace Samordning.Host.Pages.Gjest;

internal sealed class GuestForm
{
    public string? Name { get; set; }
    public bool Consent { get; set; }
}

// Where every guest link lands, whichever module issued it (a meeting's, an input round's): no sign-in, rate
// limited, anti-forgery. Each issuing module is asked for the token's hash (IGuestLinkRedeemer), and the one that
// has it says what the link opens. The page asks the guest's name (unless the link names them) and their consent,
// then starts a guest session for that one thing alone. A link that no longer opens says why, in the guest's
// language; nothing here uses the link up until the form is sent.
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PublicPolicy)]
internal sealed class IndexModel(IEnumerable<IGuestLinkRedeemer> redeemers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public GuestForm Guest { get; set; } = new();

    public GuestInvitation? Invitation { get; private set; }

    public LocalizedText? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (_, invitation) = await FindAsync(cancellationToken);
        if (invitation is not null && User.PersonId() is not null)
        {
            // A signed-in person needs no guest session: their own access decides.
            return Redirect(invitation.Home);
        }

        return Show(invitation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (redeemer, invitation) = await FindAsync(cancellationToken);
        if (redeemer is null || invitation is not { Status: GuestLinkStatus.Active })
        {
            return Show(invitation);
        }

        var errors = new FieldErrors();
        if (invitation.NamedGuest is null)
        {
            errors.Required("Name", Guest.Name, new("Navnet ditt", "Your name"), GuestLinkRules.MaxNameLength);
        }

        if (!Guest.Consent)
        {
            errors.Add("Consent", new("Du må godta vilkårene for å gå inn som gjest.", "You must accept the terms to enter as a guest."));
        }

        if (errors.Any)
        {
            ModelState.ReplaceWithFieldErrors(errors, nameof(Guest));
            return Show(invitation);
        }

        var redeemed = await redeemer.RedeemAsync(SecretTokens.Hash(Token), Guest.Name?.Trim() ?? "", cancellationToken);
        if (redeemed is not { Admission: { } admission })
        {
            return Show(redeemed is { } r ? invitation with { Status = r.Status } : null);
        }

        await HttpContext.SignOutAsync(GuestClaims.Scheme);
        await HttpContext.SignInAsync(GuestClaims.Scheme, admission.Principal,
            new AuthenticationProperties { ExpiresUtc = admission.ExpiresAt, IsPersistent = true, AllowRefresh = false });
        return Redirect(admission.Home);
    }

    private async Task<(IGuestLinkRedeemer? Redeemer, GuestInvitation? Invitation)> FindAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Token) || Token.Length > 100)
        {
            return (null, null);
        }

        var hash = SecretTokens.Hash(Token);
        foreach (var redeemer in redeemers)
        {
            if (await redeemer.FindAsync(hash, cancellationToken) is { } invitation)
            {
                return (redeemer, invitation);
            }
        }

        return (null, null);
    }

    private PageResult Show(GuestInvitation? invitation)
    {
        Invitation = invitation;
        if (invitation is not { Status: GuestLinkStatus.Active })
        {
            Refusal = GuestLinkRules.Refusal(invitation?.Status);
            Response.StatusCode = invitation is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        }

        return Page();
    }
}
