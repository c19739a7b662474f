using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class OppfolgingModel(MeetingServices deps) : PageModel
{
    public IReadOnlyList<ActionItemView> Items { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await ActionItems.MineAsync(deps, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid meetingId, Guid entryId, ActionStatus status, long version, CancellationToken cancellationToken)
    {
        var outcome = await ActionItems.SetStatusAsync(deps, meetingId, entryId, new ActionStatusRequest(status, version), cancellationToken);
        if (this.Answer(outcome, _ => Redirect("/moter/oppfolging"), _ => Problem = Localized.T(
                "Noen andre endret punktet i mellomtiden. Se gjeldende status, og prøv igjen.",
                "Someone else changed the item in the meantime. Look at the current status and try again.")) is { } answered)
        {
            return answered;
        }

        Items = await ActionItems.MineAsync(deps, cancellationToken);
        return Page();
    }
}
