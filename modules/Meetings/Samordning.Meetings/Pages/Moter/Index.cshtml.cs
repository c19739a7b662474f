using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class IndexModel(MeetingServices deps) : PageModel
{
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Meetings = await GetMeeting.ListAsync(deps, cancellationToken);
        CanCreate = MeetingAccess.CanCreate(User);
    }
}
