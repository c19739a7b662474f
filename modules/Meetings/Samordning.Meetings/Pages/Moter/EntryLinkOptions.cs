using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

// The pickers for a decision's, an action item's or an agenda item's own workstream and initiative (issue 16): plain
// selects, so they work without script; initiatives limited to those the writer may link to.
internal sealed record EntryLinkOptions(IReadOnlyList<SelectListItem> Workstreams, IReadOnlyList<SelectListItem> Initiatives)
{
    public static readonly EntryLinkOptions None = new([], []);

    public static Task<EntryLinkOptions> LoadAsync(MeetingServices deps, Guid? currentInitiative, InitiativeFind? find, CancellationToken cancellationToken) =>
        LoadAsync(deps, currentInitiative is { } id ? [id] : [], find, cancellationToken);

    // The agenda page's forms share one list: the initiatives of every item are kept when any one is saved, and a
    // find's matches (InitiativeFind) come first.
    public static async Task<EntryLinkOptions> LoadAsync(MeetingServices deps, IReadOnlyCollection<Guid> currentInitiatives, InitiativeFind? find, CancellationToken cancellationToken)
    {
        var workstreams = await deps.Workstreams.GetWorkstreamsAsync(cancellationToken);
        var initiatives = await deps.Initiatives.ChoicesAsync(deps.User.Principal, currentInitiatives, find, cancellationToken);
        var none = Localized.T("Ingen", "None");
        return new(
            [new(none, ""), .. workstreams.Select(w => new SelectListItem(MeetingTexts.WorkstreamName(w), w.Id.ToString()))],
            [new(none, ""), .. initiatives.Select(i => new SelectListItem(i.Label, i.Id.ToString()))]);
    }
}
