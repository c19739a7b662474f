using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class EndreModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public MeetingFormOptions? Options { get; private set; }

    public MeetingDetails? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == Id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!MeetingAccess.CanManage(User, meeting))
        {
            return Forbid();
        }

        Input = MeetingForm.From(MeetingDetails.From(meeting));
        Options = await MeetingFormOptions.LoadAsync(deps, Input.InitiativeIds, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A find shows the form again as posted and saves nothing.
        if (await InitiativeFind.ReadAsync(deps.Initiatives, this, cancellationToken) is { } find)
        {
            var meeting = await deps.Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Id, cancellationToken);
            if (meeting is null || !MeetingAccess.CanManage(User, meeting))
            {
                return meeting is null ? NotFound() : Forbid();
            }

            Options = await MeetingFormOptions.LoadAsync(deps, Input.InitiativeIds, find, cancellationToken);
            return Page();
        }

        var agenda = await deps.Db.Meetings.AsNoTracking().Where(m => m.Id == Id).SelectMany(m => m.Agenda)
            .Select(a => new AgendaView(a.Id, a.Position, a.Title)).ToListAsync(cancellationToken);
        var outcome = MeetingForm.ForForm(await UpdateMeeting.HandleAsync(deps, Id, Input.ToRequest(agenda), cancellationToken));
        if (this.Answer(outcome, _ => Redirect($"/moter/{Id}?lagret=true"), current => (Current, Input.Version) = (current, current.Version)) is { } answered)
        {
            return answered;
        }

        Options = await MeetingFormOptions.LoadAsync(deps, Input.InitiativeIds, null, cancellationToken);
        return Page();
    }
}
