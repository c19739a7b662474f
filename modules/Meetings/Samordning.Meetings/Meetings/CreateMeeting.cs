using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

internal sealed class CreateMeeting : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings", async (MeetingRequest request, MeetingServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, request, ct)).ToCreated(m => $"/api/meetings/{m.Id}"))
            .WithTags("Meetings")
            .WithSummary("Plans a meeting (coordinators and facilitators; a facilitator must be among its facilitators).");

    public static async Task<Outcome<MeetingDetails>> HandleAsync(MeetingServices deps, MeetingRequest request, CancellationToken cancellationToken)
    {
        var user = deps.User.Principal;
        if (!MeetingAccess.CanCreate(user))
        {
            return Outcome.Forbidden<MeetingDetails>();
        }

        var (errors, resolved) = await request.ValidateAsync(deps, null, cancellationToken);
        if (!errors.Any && !user.IsInRole(Roles.Coordinator) && resolved!.Facilitators.All(f => f.Id != user.PersonId()))
        {
            errors.Add(nameof(MeetingRequest.FacilitatorIds), new("Du må selv være blant møtelederne.", "You must be among the facilitators yourself."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<MeetingDetails>(errors);
        }

        var meeting = new Meeting { Title = "", OrganisingMinistryCode = "" };
        request.ApplyTo(meeting, resolved!);
        meeting.UpdatedAt = deps.Clock.UtcNow;
        deps.Db.Meetings.Add(meeting);
        MeetingLive.StageChanged(deps.Db, meeting.Id, participants: false);
        MeetingNotices.StageCreated(deps, meeting, await MeetingNotices.MembersAsync(deps, MeetingNotices.MinistriesOf(meeting.Participants), cancellationToken));
        await deps.Db.SaveChangesAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(MeetingDetails.From(meeting));
    }
}
