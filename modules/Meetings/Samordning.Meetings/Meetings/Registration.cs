using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

internal sealed record AttendanceRequest(bool Attended);

// Signing up for a meeting that invites it, and facilitators marking who came.
internal sealed class Registration : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/registration", async (Guid id, MeetingServices deps, CancellationToken ct) =>
                (await RegisterAsync(deps, id, ct)).ToOk())
            .WithMetadata(new AllowGuestsAttribute())
            .WithTags("Meetings")
            .WithSummary("Registers the signed-in person for the meeting (again is harmless).");

        api.MapPut("/meetings/{id:guid}/participants/{participantId:guid}/attendance", async (Guid id, Guid participantId, AttendanceRequest request, MeetingServices deps, CancellationToken ct) =>
                (await MarkAttendanceAsync(deps, id, participantId, request.Attended, ct)).ToOk())
            .WithTags("Meetings")
            .WithSummary("Marks whether a participant attended (the meeting's facilitators and coordinators).");
    }

    public static async Task<Outcome<MeetingDetails>> RegisterAsync(MeetingServices deps, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await deps.Db.Meetings.WithChildren().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Outcome.NotFound<MeetingDetails>();
        }

        if (MeetingAccess.IsGuestOf(deps.User.Principal, meeting))
        {
            return await Guests.GuestRedemption.RegisterAsync(deps, meeting, cancellationToken);
        }

        if (!MeetingAccess.CanRegister(deps.User.Principal, meeting) || deps.User.PersonId is not { } personId)
        {
            return Outcome.Forbidden<MeetingDetails>();
        }

        if (meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            return Outcome.Invalid<MeetingDetails>(new FieldErrors().Add("Registration", new("Møtet er avsluttet.", "The meeting is closed.")));
        }

        var participant = meeting.Participants.FirstOrDefault(p => p.PersonId == personId);
        if (participant is null)
        {
            var before = MeetingNotices.Audience(meeting, await MeetingNotices.MembersAsync(deps, MeetingNotices.MinistriesOf(meeting.Participants), cancellationToken));
            participant = new MeetingParticipant { MeetingId = id, Kind = ParticipantKind.Person, PersonId = personId, Name = deps.User.DisplayName };
            meeting.Participants.Add(participant);
            MeetingNotices.StageRegistered(deps, meeting, personId, before);
        }

        participant.RegisteredAt ??= deps.Clock.UtcNow;
        meeting.UpdatedAt = deps.Clock.UtcNow;
        MeetingLive.StageChanged(deps.Db, id, participants: true);
        await deps.Db.SaveChangesAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(MeetingDetails.From(meeting));
    }

    public static async Task<Outcome<MeetingDetails>> MarkAttendanceAsync(MeetingServices deps, Guid id, Guid participantId, bool attended, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<MeetingDetails>(deps, id, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        if (meeting.Participants.FirstOrDefault(p => p.Id == participantId) is not { } participant)
        {
            return Outcome.NotFound<MeetingDetails>();
        }

        participant.Attended = attended;
        meeting.UpdatedAt = deps.Clock.UtcNow;
        MeetingLive.StageChanged(deps.Db, id, participants: true);
        await deps.Db.SaveChangesAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(MeetingDetails.From(meeting));
    }
}
