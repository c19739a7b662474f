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
        var meeting = await deps.Db.Meetings.WithChildren().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Outcome.NotFound<MeetingDetails>();
        }

        if (!MeetingAccess.CanManage(deps.User.Principal, meeting))
        {
            return Outcome.Forbidden<MeetingDetails>();
        }

        var (errors, resolved) = await request.ValidateAsync(deps.Directory, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<MeetingDetails>(errors);
        }

        return await Concurrency.SaveAsync(deps.Db, meeting, request.Version, () =>
            {
                request.ApplyTo(meeting, resolved!);
                meeting.UpdatedAt = deps.Clock.UtcNow;
            },
            MeetingDetails.From, cancellationToken);
    }
}
