using System.Security.Claims;
using Samordning.Notifications.Data;
using Samordning.Shared.Live;
using Samordning.Shared.Text;

namespace Samordning.Notifications.InApp;

// The unread count in the header, kept live on the person's own topic by notifications-live.js.
internal sealed class UnreadBadge(NotificationsDbContext db, ILiveUpdates live) : IHeaderBadgeProvider
{
    public async Task<HeaderBadge?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } person)
        {
            return null;
        }

        // The sequence before the count (LiveSnapshot): a notification in between is counted or comes live.
        var topic = LiveNotifications.Topic(person);
        var (sequence, unread) = await live.ReadAsync(topic, ct => MyNotifications.UnreadAsync(db, person, ct), cancellationToken);
        return new HeaderBadge(
            "/varsler",
            new LocalizedText("Uleste varsler", "Unread notifications"),
            unread,
            topic,
            sequence,
            "/_content/Samordning.Notifications/notifications-live.js");
    }
}
