using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

internal sealed record StatusRequest(MeetingStatus Status, bool? MinutesPublished = null, long? Version = null);

internal sealed class ChangeStatus : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/status", async (Guid id, StatusRequest request, MeetingServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, id, request, ct)).ToOk())
            .WithTags("Meetings")
            .WithSummary("Starts (live), closes or reopens a meeting, and publishes its minutes. Send the version you read.");

    public static async Task<Outcome<MeetingDetails>> HandleAsync(MeetingServices deps, Guid id, StatusRequest request, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<MeetingDetails>(deps, id, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        if (!Enum.IsDefined(request.Status))
        {
            return Outcome.Invalid<MeetingDetails>(new FieldErrors().Add(nameof(StatusRequest.Status), new("Ukjent status.", "Unknown status.")));
        }

        var wasCancelled = meeting.Status == MeetingStatus.Cancelled;
        var told = request.Status == MeetingStatus.Cancelled || wasCancelled;
        var members = told ? await MeetingNotices.MembersAsync(deps, MeetingNotices.MinistriesOf(meeting.Participants), cancellationToken) : null;
        var outcome = await Concurrency.SaveAsync(
            deps.Db,
            meeting,
            request.Version,
            () =>
            {
                meeting.Status = request.Status;
                meeting.UpdatedAt = deps.Clock.UtcNow;
                meeting.MinutesPublished = request.MinutesPublished ?? meeting.MinutesPublished;

                // Its people hear of a cancellation (and of a cancelled meeting brought back).
                if (members is not null)
                {
                    MeetingNotices.Stage(deps, meeting, moved: false, MeetingNotices.Audience(meeting, members), members);
                }

                // Open pages learn that writing has started or stopped.
                deps.Db.StageLive(MeetingLive.Topic(id), MeetingLive.StatusType, () => new MeetingStatusChanged(id, meeting.Status.ToString()));
                MeetingLive.StageChanged(deps.Db, id, participants: false);
            },
            MeetingDetails.From,
            cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        }

        return outcome;
    }
}

internal sealed record MeetingStatusChanged(Guid MeetingId, string Status);
