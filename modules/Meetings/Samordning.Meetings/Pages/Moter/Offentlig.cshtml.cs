using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Data;
using Samordning.Meetings.Materials;
using Samordning.Meetings.Meetings;
using Samordning.Meetings.Minutes;

namespace Samordning.Meetings.Pages.Moter;

// The public page of a published meeting: no sign-in; minutes only once they are published too.
internal sealed class OffentligModel(MeetingsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MeetingDetails? Meeting { get; private set; }

    public MinutesView? Minutes { get; private set; }

    public IReadOnlyList<MaterialView> Materials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == Id && m.Published, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = MeetingDetails.From(meeting);
        Materials = await MaterialEndpoints.ListAsync(db, Id, cancellationToken);
        Minutes = MinutesEndpoints.IsPublic(meeting) ? await MinutesView.LoadAsync(db, Id, cancellationToken) : null;
        return Page();
    }
}
