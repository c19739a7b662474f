using Samordning.Meetings.Data;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Entries;

// What every write of a live note checks: a facilitator of this meeting, in a meeting that is live.
internal static class EntryRules
{
    public const int MaxTextLength = 4000;

    public static LocalizedText? RefusalFor(System.Security.Claims.ClaimsPrincipal user, Meeting meeting) =>
        RefusalFor(new EntryTarget(meeting.Status, Meetings.MeetingAccess.CanWrite(user, meeting), AgendaItemOnMeeting: false));

    public static LocalizedText? RefusalFor(EntryTarget meeting)
    {
        if (!meeting.WriterFacilitates)
        {
            return new("Bare møtelederne i dette møtet kan skrive notater.", "Only this meeting's facilitators can write notes.");
        }

        return meeting.Status switch
        {
            MeetingStatus.Closed => new("Møtet er avsluttet. Notatene kan ikke lenger endres.", "The meeting is closed. Its notes can no longer be changed."),
            MeetingStatus.Planned => new("Møtet har ikke startet. Start møtet før du skriver notater.", "The meeting has not started. Start the meeting before writing notes."),
            MeetingStatus.Cancelled => new("Møtet er avlyst.", "The meeting is cancelled."),
            _ => null,
        };
    }
}

// A use case's outcome plus why it was refused, so a 403 says what to do.
internal sealed record EntryOutcome(Outcome<EntryView> Outcome, LocalizedText? Refusal = null)
{
    public static EntryOutcome Refused(LocalizedText reason) => new(Shared.Http.Outcome.Forbidden<EntryView>(), reason);

    public IResult ToCreated() => Outcome.Kind == OutcomeKind.Forbidden
        ? Problems.Forbidden(Refusal)
        : Outcome.ToCreated(e => $"/api/meetings/{e.MeetingId}/entries/{e.Id}");

    public IResult ToOk() => Outcome.Kind == OutcomeKind.Forbidden ? Problems.Forbidden(Refusal) : Outcome.ToOk();
}
