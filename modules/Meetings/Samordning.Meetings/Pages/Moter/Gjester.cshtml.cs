using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Guests;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter;

// A meeting's guest links for its facilitators and coordinators: make one (the link is shown once, here), see
// each one's status and who came in, revoke. Plain form posts, the API's use cases.
internal sealed class GjesterModel(MeetingServices deps, IGuestSessionEnder ender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public GuestLinkForm Link { get; set; } = new();

    public string? MeetingTitle { get; private set; }

    public IReadOnlyList<GuestLinkView> Links { get; private set; } = [];

    // The link just made: its address exists only in this answer.
    public GuestLinkView? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await GuestLinks.CreateAsync(deps, Id, Link.ToRequest(), $"{Request.Scheme}://{Request.Host}", cancellationToken);
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
        var outcome = await GuestLinks.RevokeAsync(deps, ender, Id, linkId, cancellationToken);
        return this.Answer(outcome, _ => Redirect($"/moter/{Id}/gjester")) ?? await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await GuestLinks.ListAsync(deps, Id, cancellationToken);
        if (this.Answer(outcome, links => { Links = links; return null!; }) is { } refused)
        {
            return refused;
        }

        MeetingTitle = await deps.Db.Meetings.AsNoTracking().Where(m => m.Id == Id).Select(m => m.Title).FirstAsync(cancellationToken);
        return null;
    }
}
