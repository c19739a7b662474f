using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Meetings;
using Samordning.Meetings.Minutes;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class ReferatModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MinutesView? Minutes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == Id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!MeetingAccess.CanRead(User, meeting))
        {
            return Forbid();
        }

        Minutes = await MinutesView.LoadAsync(deps.Db, Id, cancellationToken);
        return Page();
    }
}
