using Samordning.Notifications.Contracts;
using Samordning.Notifications.Data;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Notifications.InApp;

// INotificationSender for other modules: stored under the caller's key before it returns, so calling again with
// the same key changes nothing; the mail goes out through the outbox.
internal sealed class NotificationSender(NotificationsDbContext db, LiveNotifications live, IClock clock) : INotificationSender
{
    public async Task QueueMailAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Key);
        if (await db.Mail.AnyAsync(m => m.Key == mail.Key, cancellationToken))
        {
            return;
        }

        var now = clock.UtcNow;
        await InsertOnceAsync(new MailMessage
        {
            Key = mail.Key,
            ToAddress = mail.ToAddress.Trim(),
            ToName = mail.ToName,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            CreatedAt = now,
            NextAttemptAt = now,
        }, cancellationToken);
    }

    public async Task NotifyAsync(PersonNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Key);
        var stored = new Notification
        {
            Key = notification.Key,
            PersonId = notification.PersonId,
            TitleNb = notification.Title.Nb,
            TitleEn = notification.Title.En,
            TitleNn = notification.Title.In(Localized.CultureOf("nn")),
            Link = notification.Link,
            CreatedAt = clock.UtcNow,
        };
        if (await InsertOnceAsync(stored, cancellationToken))
        {
            await live.PublishAsync(stored, cancellationToken);
        }
    }

    private Task<bool> InsertOnceAsync(object row, CancellationToken cancellationToken) => StoreOnce.InsertAsync(db, row, cancellationToken);
}
