using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Notifications.Activity;
using Samordning.Notifications.Data;
using Samordning.Shared.Time;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Notifications.Pages.Varsler;

internal sealed class ChoiceForm
{
    public string Kind { get; set; } = "";
    public bool InApp { get; set; }
    public bool Email { get; set; }
    public bool Digest { get; set; }
}

// Which kinds of activity reach me by which channel, and which workstreams I follow. Plain forms: no script needed.
internal sealed class InnstillingerModel(NotificationsDbContext db, IWorkstreamDirectory workstreams, IClock clock) : PageModel
{
    [BindProperty]
    public List<ChoiceForm> Choices { get; set; } = [];

    public IReadOnlyList<ActivityChoiceView> Kinds { get; private set; } = [];

    public IReadOnlyList<FollowedWorkstream> Workstreams { get; private set; } = [];

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? saved, CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } person)
        {
            return Forbid();
        }

        Saved = saved;
        await LoadAsync(person, cancellationToken);
        Choices = [.. Kinds.Select(k => new ChoiceForm { Kind = k.Kind, InApp = k.InApp, Email = k.Email, Digest = k.Digest })];
        return Page();
    }

    public async Task<IActionResult> OnPostChoicesAsync(CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } person)
        {
            return Forbid();
        }

        var outcome = await ActivityPreferences.SaveAsync(db, person, [.. Choices.Select(c => new ActivityChoice(c.Kind, c.InApp, c.Email, c.Digest))], cancellationToken);
        if (this.Answer(outcome, _ => RedirectToPage(new { saved = "choices" })) is { } answered)
        {
            return answered;
        }

        await LoadAsync(person, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid workstreamId, bool follow, CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } person)
        {
            return Forbid();
        }

        return await Follows.SetAsync(db, workstreams, clock, person, workstreamId, follow, cancellationToken)
            ? RedirectToPage(new { saved = "follows" })
            : NotFound();
    }

    private async Task LoadAsync(Guid person, CancellationToken cancellationToken)
    {
        Kinds = await ActivityPreferences.GetAsync(db, person, cancellationToken);
        Workstreams = await Follows.ListAsync(db, workstreams, person, cancellationToken);
    }
}
