using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Materials;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Live;
using Samordning.Shared.Text;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class EntryForm
{
    public EntryKind Kind { get; set; } = EntryKind.Note;
    public Guid? AgendaItemId { get; set; }
    public string? Text { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public long? Version { get; set; }
    public Guid? WorkstreamId { get; set; }
    public Guid? InitiativeId { get; set; }

    public EntryRequest ToRequest() =>
        new(Kind, Text, AgendaItemId, OwnerPersonId, DueDate, OrganisationName, OrganisationNumber, null, Version, WorkstreamId, InitiativeId);
}

// The meeting page: facts, agenda, the live notes (rendered here, kept current by meeting-live.js), and for
// facilitators the form that writes a note. Every action is a plain form post, so it all works without script.
// A guest of the meeting sees a limited view (IsGuest): facts, agenda, notes, questions and polls, signing up.
[AllowGuests]
internal sealed partial class DetaljerModel(MeetingServices deps, IMinistryDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "lagret")]
    public bool Saved { get; set; }

    [BindProperty]
    public EntryForm Entry { get; set; } = new();

    public MeetingDetails? Meeting { get; private set; }

    public IReadOnlyList<EntryView> Entries { get; private set; } = [];

    public IReadOnlyList<MaterialView> Materials { get; private set; } = [];

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    public IReadOnlyList<WorkstreamInfo> Workstreams { get; private set; } = [];

    public IReadOnlyList<InitiativeInfo> Initiatives { get; private set; } = [];

    public EntryLinkOptions Links { get; private set; } = EntryLinkOptions.None;

    // The note form's initiative find without script, when the form was posted for it.
    public InitiativeFind? Find { get; private set; }

    // Names of the agenda items' own workstreams and initiatives.
    public IReadOnlyList<WorkstreamInfo> AgendaWorkstreams { get; private set; } = [];

    public IReadOnlyList<InitiativeInfo> AgendaInitiatives { get; private set; } = [];

    public long LastSequence { get; private set; }

    public bool CanManage { get; private set; }

    public bool IsGuest => User.IsGuest();

    public bool CanWrite { get; private set; }

    public bool IsFacilitator { get; private set; }

    // The button shows only where signing up is allowed and would change something.
    public bool CanRegister { get; private set; }

    public string? Problem { get; private set; }

    public string Topic => MeetingLive.Topic(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostEntryAsync(CancellationToken cancellationToken)
    {
        // A find shows the form again as posted and saves nothing.
        if ((Find = await InitiativeFind.ReadAsync(deps.Initiatives, this, cancellationToken)) is not null)
        {
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var result = await AddEntry.HandleAsync(deps, Id, Entry.ToRequest(), cancellationToken);
        return await AnswerAsync(result, "Entry", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid entryId, long version, CancellationToken cancellationToken)
    {
        var result = await CorrectEntry.WithdrawAsync(deps, Id, entryId, version, cancellationToken);
        return await AnswerAsync(result, "Withdraw", cancellationToken);
    }

    public async Task<IActionResult> OnPostFeedbackAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var outcome = await SendFeedback.HandleAsync(deps, Id, entryId, cancellationToken);
        return await AnswerAsync(new EntryOutcome(outcome), "Feedback", cancellationToken, "#notat-" + entryId);
    }

    public async Task<IActionResult> OnPostStatusAsync(MeetingStatus status, long version, bool? minutesPublished, CancellationToken cancellationToken)
    {
        var outcome = await ChangeStatus.HandleAsync(deps, Id, new StatusRequest(status, minutesPublished, version), cancellationToken);
        return await AnswerAsync(outcome, cancellationToken);
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken) =>
        await AnswerAsync(await Registration.RegisterAsync(deps, Id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAttendanceAsync(Guid participantId, bool attended, CancellationToken cancellationToken) =>
        await AnswerAsync(await Registration.MarkAttendanceAsync(deps, Id, participantId, attended, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostActionAsync(Guid entryId, ActionStatus status, long version, CancellationToken cancellationToken)
    {
        var outcome = await ActionItems.SetStatusAsync(deps, Id, entryId, new ActionStatusRequest(status, version), cancellationToken);
        if (this.Answer(outcome, _ => Redirect($"/moter/{Id}#oppfolging"), _ => Problem = Conflicted, prefix: "Action") is { } answered)
        {
            return answered;
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private static string Conflicted => Localized.T(
        "Noen andre endret dette i mellomtiden. Se gjeldende versjon under, og prøv igjen.",
        "Someone else changed this in the meantime. Look at the current version below and try again.");

    private async Task<IActionResult> AnswerAsync(EntryOutcome result, string prefix, CancellationToken cancellationToken, string anchor = "#notater")
    {
        if (result.Outcome.Kind == Shared.Http.OutcomeKind.Forbidden && result.Refusal is { } refusal)
        {
            Problem = refusal;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return await LoadAsync(cancellationToken) ?? Page();
        }

        if (this.Answer(result.Outcome, _ => Redirect($"/moter/{Id}{anchor}"), _ => Problem = Conflicted, prefix) is { } answered)
        {
            return answered;
        }

        if (prefix != "Entry" && result.Outcome.Errors is { } errors)
        {
            Problem = string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value));
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult> AnswerAsync(Shared.Http.Outcome<MeetingDetails> outcome, CancellationToken cancellationToken)
    {
        if (this.Answer(outcome, _ => Redirect($"/moter/{Id}"), _ => Problem = Conflicted, prefix: "Meeting") is { } answered)
        {
            return answered;
        }

        if (outcome.Errors is { } errors)
        {
            Problem = string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value));
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    // Null when the page can render; otherwise the answer (not found, forbidden).
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        // The sequence first, then the entries (LiveSnapshot): an entry written in between is both rendered and
        // sent live, and the script shows it once (by id), rather than missing it.
        (LastSequence, var answer) = await deps.Live.ReadAsync(Topic, LoadDataAsync, cancellationToken);
        return answer;
    }

    private async Task<IActionResult?> LoadDataAsync(CancellationToken cancellationToken)
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

        Meeting = IsGuest ? MeetingDetails.From(meeting).ForGuest() : MeetingDetails.From(meeting);
        Entries = await ListEntries.EntriesOfAsync(deps.Db, Id, cancellationToken);
        Materials = IsGuest ? [] : await MaterialEndpoints.ListAsync(deps.Db, Id, cancellationToken);
        Workstreams = Meeting.WorkstreamIds.Count == 0 ? [] : await deps.Workstreams.GetWorkstreamsAsync(Meeting.WorkstreamIds, cancellationToken);
        Initiatives = Meeting.InitiativeIds.Count == 0 ? [] : await deps.Initiatives.GetInitiativesAsync(Meeting.InitiativeIds, cancellationToken);
        var agendaWorkstreams = Meeting.Agenda.Select(a => a.WorkstreamId).OfType<Guid>().Distinct().ToList();
        var agendaInitiatives = Meeting.Agenda.Select(a => a.InitiativeId).OfType<Guid>().Distinct().ToList();
        AgendaWorkstreams = agendaWorkstreams.Count == 0 ? [] : await deps.Workstreams.GetWorkstreamsAsync(agendaWorkstreams, cancellationToken);
        AgendaInitiatives = agendaInitiatives.Count == 0 ? [] : await deps.Initiatives.GetInitiativesAsync(agendaInitiatives, cancellationToken);
        CanManage = MeetingAccess.CanManage(User, meeting);
        IsFacilitator = MeetingAccess.IsFacilitator(User, meeting);
        CanRegister = meeting.Status is not (MeetingStatus.Closed or MeetingStatus.Cancelled) && MeetingAccess.CanRegister(User, meeting)
            && (IsGuest
                ? !await deps.Db.GuestPasses.AnyAsync(p => p.Id == User.GuestPassId() && p.RegisteredAt != null, cancellationToken)
                : !meeting.Participants.Any(p => p.PersonId == User.PersonId() && p.RegisteredAt is not null));
        CanWrite = EntryRules.RefusalFor(User, meeting) is null;
        await LoadAudienceAsync(meeting, cancellationToken);
        if (CanWrite)
        {
            People = await EntryOwners.LoadAsync(directory, cancellationToken);
            Links = await EntryLinkOptions.LoadAsync(deps, Entry.InitiativeId, Find, cancellationToken);
        }

        return null;
    }
}
