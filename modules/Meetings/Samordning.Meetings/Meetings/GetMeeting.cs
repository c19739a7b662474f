using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

internal sealed record MeetingSummary(Guid Id, MeetingKind Kind, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string OrganisingMinistryCode, MeetingStatus Status, bool Published);

internal sealed class GetMeeting : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}", async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> (Guid id, MeetingServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, id, ct)) switch
                {
                    { Kind: OutcomeKind.Ok } found => TypedResults.Ok(found.Value!),
                    { Kind: OutcomeKind.Forbidden } => Problems.Forbidden(),
                    _ => Problems.NotFound(),
                })
            .WithTags("Meetings")
            .WithSummary("One meeting, for those who may read it.");

        api.MapGet("/meetings", async (MeetingServices deps, CancellationToken ct) => TypedResults.Ok(await ListAsync(deps, ct)))
            .WithTags("Meetings")
            .WithSummary("The meetings the signed-in person may read, soonest first.");
    }

    public static async Task<Outcome<MeetingDetails>> HandleAsync(MeetingServices deps, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Outcome.NotFound<MeetingDetails>();
        }

        return MeetingAccess.CanRead(deps.User.Principal, meeting) ? Outcome.Ok(MeetingDetails.From(meeting)) : Outcome.Forbidden<MeetingDetails>();
    }

    public static async Task<IReadOnlyList<MeetingSummary>> ListAsync(MeetingServices deps, CancellationToken cancellationToken)
    {
        var meetings = await deps.Db.Meetings.AsNoTracking().Readable(deps.User.Principal)
            .Select(m => new MeetingSummary(m.Id, m.Kind, m.Title, m.StartsAt, m.EndsAt, m.OrganisingMinistryCode, m.Status, m.Published))
            .ToListAsync(cancellationToken);
        return [.. meetings.OrderBy(m => m.StartsAt)];
    }
}
