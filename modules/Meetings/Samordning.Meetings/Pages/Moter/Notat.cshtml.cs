using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

// Correcting one note: the version the facilitator saw goes with the form; a stale one shows what is saved now.
internal sealed class NotatModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid EntryId { get; set; }

    [BindProperty]
    public EntryForm Entry { get; set; } = new();

    public IReadOnlyList<AgendaView> Agenda { get; private set; } = [];

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    public IReadOnlyList<RevisionView> History { get; private set; } = [];

    public EntryView? Current { get; private set; }

    public EntryLinkOptions Links { get; private set; } = EntryLinkOptions.None;

    // The initiative picker's find without script, when the form was posted for it.
    public InitiativeFind? Find { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        var entry = await deps.Db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == EntryId && e.MeetingId == Id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = new EntryForm
        {
            Kind = entry.Kind, AgendaItemId = entry.AgendaItemId, Text = entry.Text, OwnerPersonId = entry.OwnerPersonId, DueDate = entry.DueDate,
            OrganisationName = entry.OrganisationName, OrganisationNumber = entry.OrganisationNumber, Version = entry.Version,
            WorkstreamId = entry.WorkstreamId, InitiativeId = entry.InitiativeId,
        };
        Links = await EntryLinkOptions.LoadAsync(deps, entry.InitiativeId, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A find shows the form again as posted and saves nothing.
        if ((Find = await InitiativeFind.ReadAsync(deps.Initiatives, this, cancellationToken)) is not null)
        {
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var result = await CorrectEntry.CorrectAsync(deps, Id, EntryId, Entry.ToRequest(), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            Refusal = refusal;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else if (this.Answer(result.Outcome, _ => Redirect($"/moter/{Id}#notat-{EntryId}"), current => (Current, Entry.Version) = (current, current.Version), "Entry") is { } answered)
        {
            return answered;
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var meeting = await EntryChanges.LoadMeetingAsync(deps, Id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!MeetingAccess.CanWrite(User, meeting))
        {
            return Forbid();
        }

        Agenda = [.. meeting.Agenda.OrderBy(a => a.Position).Select(a => new AgendaView(a.Id, a.Position, a.Title))];
        People = await EntryOwners.LoadAsync(deps.Directory, cancellationToken);
        if (await ListEntries.HistoryAsync(deps.Db, Id, EntryId, cancellationToken) is not { } history)
        {
            return NotFound();
        }

        History = history;
        if (Request.HasFormContentType)
        {
            Links = await EntryLinkOptions.LoadAsync(deps, Entry.InitiativeId, Find, cancellationToken);
        }

        return null;
    }
}
