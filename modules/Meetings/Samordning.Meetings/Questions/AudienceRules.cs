using System.Security.Claims;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Questions;

// What the writes of live questions and polls check, in one place: who takes part (MeetingAccess.CanTakePart),
// who leads (the meeting's facilitators, as for notes), and that the meeting is live.
internal static class AudienceRules
{
    public static Task<Meeting?> LoadAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken) =>
        deps.Db.Meetings.AsNoTracking().Include(m => m.Facilitators).Include(m => m.Participants).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);

    // Null when the person may act; otherwise why not. A meeting they may not read is not found (checked first).
    public static LocalizedText? ParticipantRefusal(ClaimsPrincipal user, Meeting meeting) =>
        !MeetingAccess.CanTakePart(user, meeting)
            ? new("Bare deltakerne i møtet kan stille spørsmål og stemme.", "Only the meeting's participants can ask questions and vote.")
            : LiveRefusal(meeting);

    public static LocalizedText? FacilitatorRefusal(ClaimsPrincipal user, Meeting meeting) =>
        !MeetingAccess.CanWrite(user, meeting)
            ? new("Bare møtelederne i dette møtet kan gjøre dette.", "Only this meeting's facilitators can do this.")
            : LiveRefusal(meeting);

    private static LocalizedText? LiveRefusal(Meeting meeting) => meeting.Status == MeetingStatus.Live
        ? null
        : new("Spørsmål og avstemninger er bare åpne mens møtet pågår.", "Questions and polls are only open while the meeting is live.");
}

// A use case's outcome plus why it was refused, so a 403 says what to do.
internal sealed record AudienceOutcome<T>(Outcome<T> Outcome, LocalizedText? Refusal = null)
{
    public static AudienceOutcome<T> NotFound() => new(Shared.Http.Outcome.NotFound<T>());

    public static AudienceOutcome<T> Refused(LocalizedText reason) => new(Shared.Http.Outcome.Forbidden<T>(), reason);

    public static implicit operator AudienceOutcome<T>(Outcome<T> outcome) => new(outcome);

    public IResult ToCreated(Func<T, string> location) =>
        Outcome.Kind == OutcomeKind.Forbidden ? Problems.Forbidden(Refusal) : Outcome.ToCreated(location);

    // A conflict with a reason (a second vote): 409 saying why, with the current state.
    public static AudienceOutcome<T> Conflict(T current, LocalizedText reason) => new(Shared.Http.Outcome.Conflict(current), reason);

    public IResult ToOk() => (Outcome.Kind, Refusal) switch
    {
        (OutcomeKind.Forbidden, _) => Problems.Forbidden(Refusal),
        (OutcomeKind.Conflict, { } reason) => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: reason.ToString(),
            extensions: new Dictionary<string, object?> { ["current"] = Outcome.Value }),
        _ => Outcome.ToOk(),
    };
}
