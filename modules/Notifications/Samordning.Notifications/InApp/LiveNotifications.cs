using Microsoft.Extensions.Logging;
using Samordning.Notifications.Data;
using Samordning.Shared.Live;

namespace Samordning.Notifications.InApp;

// Pushes a stored notification on the person's own topic. It is stored before this runs, so a failed push loses
// nothing: the list and the header count read the store.
internal sealed class LiveNotifications(NotificationsDbContext db, ILiveUpdates live, ILogger<LiveNotifications> logger)
{
    public const string Type = "notification";

    // People per unread-count query: the IN list stays well under SQL Server's 2,100 parameters.
    private const int PeoplePerQuery = 500;

    public static string Topic(Guid personId) => $"user:{personId}";

    public Task PublishAsync(Notification notification, CancellationToken cancellationToken) =>
        PublishManyAsync([notification], cancellationToken);

    // One notification per person (a sweep pushes many): the unread counts of everyone in one grouped query per
    // 500 people, the items stored together by the live store, then broadcast.
    public async Task PublishManyAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        try
        {
            var unread = new Dictionary<Guid, int>();
            foreach (var people in notifications.Select(n => n.PersonId).Distinct().Chunk(PeoplePerQuery))
            {
                var counts = await db.Notifications
                    .Where(n => people.Contains(n.PersonId) && n.ReadAt == null)
                    .GroupBy(n => n.PersonId)
                    .Select(g => new { Person = g.Key, Unread = g.Count() })
                    .ToListAsync(cancellationToken);
                counts.ForEach(c => unread[c.Person] = c.Unread);
            }

            await live.PublishManyAsync(
                [.. notifications.Select(n => new LivePublication(Topic(n.PersonId), Type, Payload(n, unread.GetValueOrDefault(n.PersonId))))],
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The live push of {Count} notifications failed; they are stored and show on the next page load.", notifications.Count);
        }
    }

    private static object Payload(Notification notification, int unread) => new
    {
        notification.Id,
        notification.TitleNb,
        notification.TitleEn,
        notification.TitleNn,
        notification.Link,
        notification.CreatedAt,
        Unread = unread,
    };
}
