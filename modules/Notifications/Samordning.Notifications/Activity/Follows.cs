using System.Security.Claims;
using Samordning.Notifications.Data;
using Samordning.Shared.Time;
using Samordning.Workstreams.Contracts;

namespace Samordning.Notifications.Activity;

internal sealed record FollowedWorkstream(Guid WorkstreamId, string Title, bool Following);

// Following a workstream: new input linked to it reaches the person (ActivityKinds.WorkstreamInput). Following
// twice or unfollowing what one does not follow changes nothing.
internal sealed class Follows : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications/follows").WithTags("Notifications");
        group.MapGet("", async Task<Results<Ok<IReadOnlyList<FollowedWorkstream>>, ProblemHttpResult>> (ClaimsPrincipal user, NotificationsDbContext db, IWorkstreamDirectory workstreams, CancellationToken ct) =>
                user.PersonId() is { } person ? TypedResults.Ok(await ListAsync(db, workstreams, person, ct)) : Problems.Forbidden())
            .WithSummary("Every workstream, and whether I follow it.");

        group.MapPut("/{workstreamId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid workstreamId, ClaimsPrincipal user, NotificationsDbContext db, IWorkstreamDirectory workstreams, IClock clock, CancellationToken ct) =>
                user.PersonId() is not { } person ? Problems.Forbidden()
                : await SetAsync(db, workstreams, clock, person, workstreamId, true, ct) ? TypedResults.NoContent() : Problems.NotFound())
            .WithSummary("Follows a workstream: new input on it notifies me.");

        group.MapDelete("/{workstreamId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid workstreamId, ClaimsPrincipal user, NotificationsDbContext db, IWorkstreamDirectory workstreams, IClock clock, CancellationToken ct) =>
                user.PersonId() is not { } person ? Problems.Forbidden()
                : await SetAsync(db, workstreams, clock, person, workstreamId, false, ct) ? TypedResults.NoContent() : Problems.NotFound())
            .WithSummary("Stops following a workstream.");
    }

    public static async Task<IReadOnlyList<FollowedWorkstream>> ListAsync(NotificationsDbContext db, IWorkstreamDirectory workstreams, Guid person, CancellationToken cancellationToken)
    {
        var followed = (await db.Follows.AsNoTracking().Where(f => f.PersonId == person).Select(f => f.WorkstreamId).ToListAsync(cancellationToken)).ToHashSet();
        return [.. (await workstreams.GetWorkstreamsAsync(cancellationToken))
            .OrderBy(w => w.Chapter ?? int.MaxValue).ThenBy(w => w.Title, StringComparer.CurrentCulture)
            .Select(w => new FollowedWorkstream(w.Id, w.Title, followed.Contains(w.Id)))];
    }

    // False when the workstream does not exist.
    public static async Task<bool> SetAsync(
        NotificationsDbContext db, IWorkstreamDirectory workstreams, IClock clock, Guid person, Guid workstreamId, bool follow, CancellationToken cancellationToken)
    {
        if (await workstreams.CountUnknownAsync([workstreamId], cancellationToken) > 0)
        {
            return false;
        }

        if (!follow)
        {
            await db.Follows.Where(f => f.PersonId == person && f.WorkstreamId == workstreamId).ExecuteDeleteAsync(cancellationToken);
            return true;
        }

        if (!await db.Follows.AnyAsync(f => f.PersonId == person && f.WorkstreamId == workstreamId, cancellationToken))
        {
            // Two tabs following at once: the second meets the key and is as good as done.
            await StoreOnce.InsertAsync(db, new WorkstreamFollow { PersonId = person, WorkstreamId = workstreamId, Since = clock.UtcNow }, cancellationToken);
        }

        return true;
    }
}
