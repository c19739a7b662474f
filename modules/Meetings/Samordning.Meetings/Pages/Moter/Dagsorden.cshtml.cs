using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Agenda;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class AgendaLinkForm
{
    public Guid ItemId { get; set; }
    public Guid? WorkstreamId { get; set; }
    public Guid? InitiativeId { get; set; }
    public long? Version { get; set; }
}

// What each agenda item is about (issue 16): one plain form per item with the same pickers as a decision's, for
// those who manage the meeting. Works without script; the initiative picker gets its type-ahead with it.
internal sealed class DagsordenModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "lagret")]
    public Guid? Saved { get; set; }

    [BindProperty]
    public AgendaLinkForm Link { get; set; } = new();

    public MeetingDetails? Meeting { get; private set; }

    public EntryLinkOptions Options { get; private set; } = EntryLinkOptions.None;

    // The item whose form was posted and came back with errors or a conflict; the others show what is stored.
    public Guid? Posted { get; private set; }

    public string? Problem { get; private set; }

    // The initiative find without script of the posted item's form, when it was posted for it.
    public InitiativeFind? Find { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A find shows the item's form again as posted and saves nothing.
        if ((Find = await InitiativeFind.ReadAsync(deps.Initiatives, this, cancellationToken)) is not null)
        {
            Posted = Link.ItemId;
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var outcome = await LinkAgendaItem.HandleAsync(deps, Id, Link.ItemId, new AgendaLinksRequest(Link.WorkstreamId, Link.InitiativeId, Link.Version), cancellationToken);
        var answered = this.Answer(
            outcome,
            _ => Redirect($"/moter/{Id}/dagsorden?lagret={Link.ItemId}#punkt-{Link.ItemId}"),
            _ => Problem = Localized.T(
                "Noen andre endret møtet i mellomtiden. Se gjeldende koblinger under, og prøv igjen.",
                "Someone else changed the meeting in the meantime. Look at the current links below and try again."),
            prefix: "Link");
        Posted = Link.ItemId;
        return answered ?? await LoadAsync(cancellationToken) ?? Page();
    }

    public Guid? WorkstreamOf(AgendaView item) => item.Id == Posted && Problem is null ? Link.WorkstreamId : item.WorkstreamId;

    public Guid? InitiativeOf(AgendaView item) => item.Id == Posted && Problem is null ? Link.InitiativeId : item.InitiativeId;

    public IReadOnlyList<string> ErrorsFor(AgendaView item, string field) =>
        item.Id == Posted && ModelState.TryGetValue($"Link.{field}", out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
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

        Meeting = MeetingDetails.From(meeting);
        var current = Meeting.Agenda.Select(a => a.InitiativeId).OfType<Guid>().Append(Link.InitiativeId ?? Guid.Empty).Where(i => i != Guid.Empty).ToList();
        Options = await EntryLinkOptions.LoadAsync(deps, current, Find, cancellationToken);
        return null;
    }
}
