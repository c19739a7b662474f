namespace Samordning.Meetings.Meetings;

internal sealed class UpdateMeeting : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/meetings/{id:guid}", async (Guid id, MeetingRequest request, MeetingServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, id, request, ct)).ToOk())
            .WithTags("Meetings")
            .WithSummary("Changes a meeting. Send the version you read; a stale version gets 409 with the current state.");

    public static async Task<Outcome<MeetingDetails>> HandleAsync(MeetingServices deps, Guid id, MeetingRequest request, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<MeetingDetails>(deps, id, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        var (errors, resolved) = await request.ValidateAsync(deps, meeting, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<MeetingDetails>(errors);
        }

        var members = await MeetingNotices.MembersAsync(
            deps, MeetingNotices.MinistriesOf(meeting.Participants).Concat(MeetingNotices.MinistriesOf(resolved!.Participants)), cancellationToken);
        var outcome = await Concurrency.SaveAsync(deps.Db, meeting, request.Version, () =>
            {
                var (startedAt, endedAt) = (meeting.StartsAt, meeting.EndsAt);
                var before = MeetingNotices.Audience(meeting, members);
                request.ApplyTo(meeting, resolved);
                meeting.UpdatedAt = deps.Clock.UtcNow;
                MeetingLive.StageChanged(deps.Db, id, participants: true);
                MeetingNotices.Stage(deps, meeting, moved: meeting.StartsAt != startedAt || meeting.EndsAt != endedAt, before, members);
            },
            MeetingDetails.From, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        }

        return outcome;
    }
}
