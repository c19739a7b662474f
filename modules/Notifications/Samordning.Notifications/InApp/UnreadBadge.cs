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

        var topic = LiveNotifications.Topic(person);
        return new HeaderBadge(
            "/varsler",
            new LocalizedText("Uleste varsler", "Unread notifications"),
            await MyNotifications.UnreadAsync(db, person, cancellationToken),
            topic,
            await live.GetLastSequenceAsync(topic, cancellationToken),
            "/_content/Samordning.Notifications/notifications-live.js");
    }
}
