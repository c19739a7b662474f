using Samordning.Notifications.Data;
using Samordning.Shared.Activity;
using Samordning.Shared.Time;
using Samordning.Workstreams.Contracts;

namespace Samordning.Notifications.Activity;

// The follows as other modules read and set them (Shared's IWorkstreamFollows); registered by NotificationsModule.
internal sealed class WorkstreamFollows(NotificationsDbContext db, IWorkstreamDirectory workstreams, IClock clock) : IWorkstreamFollows
{
    public async Task<IReadOnlyList<Guid>> GetFollowedAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.Follows.AsNoTracking().Where(f => f.PersonId == personId).Select(f => f.WorkstreamId).ToListAsync(cancellationToken);

    public Task<bool> SetAsync(Guid personId, Guid workstreamId, bool follow, CancellationToken cancellationToken) =>
        Follows.SetAsync(db, workstreams, clock, personId, workstreamId, follow, cancellationToken);
}
