using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

// The entry form's pickers for a decision's or an action item's own workstream and initiative (issue 16): plain
// selects, so they work without script; initiatives limited to those the writer may link to.
internal sealed record EntryLinkOptions(IReadOnlyList<SelectListItem> Workstreams, IReadOnlyList<SelectListItem> Initiatives)
{
    public static readonly EntryLinkOptions None = new([], []);

    public static async Task<EntryLinkOptions> LoadAsync(MeetingServices deps, Guid? currentInitiative, CancellationToken cancellationToken)
    {
        var workstreams = await deps.Workstreams.GetWorkstreamsAsync(cancellationToken);
        var initiatives = await deps.Initiatives.ChoicesAsync(deps.User.Principal, currentInitiative is { } id ? [id] : [], cancellationToken);
        var none = Localized.T("Ingen", "None");
        return new(
            [new(none, ""), .. workstreams.Select(w => new SelectListItem(MeetingTexts.WorkstreamName(w), w.Id.ToString()))],
            [new(none, ""), .. initiatives.Select(i => new SelectListItem(i.Label, i.Id.ToString()))]);
    }
}
