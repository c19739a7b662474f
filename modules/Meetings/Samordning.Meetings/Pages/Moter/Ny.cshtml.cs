using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class NyModel(MeetingServices deps) : PageModel
{
    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public MeetingFormOptions? Options { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MeetingAccess.CanCreate(User))
        {
            return Forbid();
        }

        Options = await MeetingFormOptions.LoadAsync(deps, [], null, cancellationToken);
        Input.OrganisingMinistryId = User.MinistryId();
        if (User.PersonId() is { } me && User.IsInRole(Roles.Facilitator))
        {
            Input.FacilitatorIds = [me];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A find shows the form again as posted and saves nothing.
        if (await InitiativeFind.ReadAsync(deps.Initiatives, this, cancellationToken) is { } find)
        {
            if (!MeetingAccess.CanCreate(User))
            {
                return Forbid();
            }

            Options = await MeetingFormOptions.LoadAsync(deps, Input.InitiativeIds, find, cancellationToken);
            return Page();
        }

        var outcome = MeetingForm.ForForm(await CreateMeeting.HandleAsync(deps, Input.ToRequest(), cancellationToken));
        if (this.Answer(outcome, m => Redirect($"/moter/{m.Id}?lagret=true")) is { } answered)
        {
            return answered;
        }

        Options = await MeetingFormOptions.LoadAsync(deps, Input.InitiativeIds, null, cancellationToken);
        return Page();
    }
}
