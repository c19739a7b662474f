using Microsoft.Extensions.Logging;
using Samordning.Notifications.Data;
using Samordning.Shared.Live;

namespace Samordning.Notifications.InApp;

// Pushes a stored notification on the person's own topic. It is stored before this runs, so a failed push loses
// nothing: the list and the header count read the store.
internal sealed class LiveNotifications(NotificationsDbContext db, ILiveUpdates live, ILogger<LiveNotifications> logger)
{
    public const string Type = "notification";

    public static string Topic(Guid personId) => $"user:{personId}";

    public async Task PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            var unread = await db.Notifications.CountAsync(n => n.PersonId == notification.PersonId && n.ReadAt == null, cancellationToken);
            await live.PublishAsync(Topic(notification.PersonId), Type, new
            {
                notification.Id,
                notification.TitleNb,
                notification.TitleEn,
                notification.Link,
                notification.CreatedAt,
                Unread = unread,
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The live push of notification {Id} failed; it is stored and shows on the next page load.", notification.Id);
        }
    }
}
