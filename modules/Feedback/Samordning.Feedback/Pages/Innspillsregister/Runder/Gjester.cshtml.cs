using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Guests;
using Samordning.Feedback.Register;
using Samordning.Shared.Web;

namespace Samordning.Feedback.Pages.Innspillsregister.Runder;

// A round's guest links for coordinators: make one (the link is shown once, here, and mailed to a named guest with
// an address), see each one's status and who came in, revoke. Plain form posts, the API's use cases.
internal sealed class GjesterModel(RoundGuestServices deps, IGuestSessionEnder ender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public GuestLinkForm Link { get; set; } = new();

    public string? RoundTitle { get; private set; }

    public IReadOnlyList<RoundGuestLinkView> Links { get; private set; } = [];

    // The link just made: its address exists only in this answer.
    public RoundGuestLinkView? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanManage(User))
        {
            return Forbid();
        }

        var outcome = await RoundGuestLinks.CreateAsync(deps, Id, Link.ToRequest(), $"{Request.Scheme}://{Request.Host}", cancellationToken);
        if (this.Answer(outcome, created => { Created = created; return null!; }, prefix: nameof(Link)) is { } answered)
        {
            return answered;
        }

        if (Created is not null)
        {
            ModelState.Clear();
            Link = new();
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid linkId, CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanManage(User))
        {
            return Forbid();
        }

        var outcome = await RoundGuestLinks.RevokeAsync(deps, ender, Id, linkId, cancellationToken);
        return this.Answer(outcome, _ => Redirect($"/innspillsregister/runder/{Id}/gjester")) ?? await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanManage(User))
        {
            return Forbid();
        }

        var outcome = await RoundGuestLinks.ListAsync(deps, Id, cancellationToken);
        if (this.Answer(outcome, links => { Links = links; return null!; }) is { } refused)
        {
            return refused;
        }

        RoundTitle = await deps.Db.Rounds.AsNoTracking().Where(r => r.Id == Id).Select(r => r.Title).FirstAsync(cancellationToken);
        return null;
    }
}
