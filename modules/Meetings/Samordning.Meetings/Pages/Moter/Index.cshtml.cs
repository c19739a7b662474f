using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Live;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class IndexModel(MeetingServices deps) : PageModel
{
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];

    public bool CanCreate { get; private set; }

    // The list topic's sequence, read before the list (LiveSnapshot): the list follows it from there.
    public long LastSequence { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (LastSequence, Meetings) = await deps.Live.ReadAsync(MeetingLive.ListTopic, ct => GetMeeting.ListAsync(deps, ct), cancellationToken);
        CanCreate = MeetingAccess.CanCreate(User);
    }
}
