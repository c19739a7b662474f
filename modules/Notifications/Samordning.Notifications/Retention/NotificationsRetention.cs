using Microsoft.Extensions.Options;
using Samordning.Notifications.Data;
using Samordning.Notifications.Mail;
using Samordning.Shared.Jobs;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Retention;

// Removes what was sent once its retention (Modules:Notifications:Retention) has passed: sent and failed e-mails
// with their .eml files, in-app notifications, and any .eml file whose outbox row is gone (erased while it was
// being written). Mail still to be sent is kept: it has not done its work yet. The reminder log is kept: it holds
// registry people's names only, and it is what makes a reminder go out once.
internal sealed class NotificationsRetention(NotificationsDbContext db, IMailTransport transport, IClock clock, IOptions<NotificationsOptions> options) : IRecurringJob
{
    public const string JobId = "notifications.retention";
    private const int Batch = 500;

    public string Id => JobId;

    // Nightly, after the anonymisation of input (02:15), which erases receipts of its own.
    public string Cron => "45 2 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.Retention;
        var now = clock.UtcNow;
        var mailBefore = now.AddDays(-retention.MailDays);
        while (true)
        {
            var old = await db.Mail.AsNoTracking()
                .Where(m => (m.State == MailState.Sent || m.State == MailState.Failed) && m.CreatedAt < mailBefore)
                .Select(m => m.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            await MailErasure.DeleteAsync(db, transport, old, cancellationToken);
            if (old.Count < Batch)
            {
                break;
            }
        }

        if (transport is PickupFolderTransport folder)
        {
            foreach (var files in folder.Files().Chunk(Batch))
            {
                var known = await db.Mail.AsNoTracking().Where(m => files.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
                folder.Delete(files.Except(known));
            }
        }

        var notificationsBefore = now.AddDays(-retention.NotificationDays);
        await db.ExecuteWriteAsync(ct => db.Notifications.Where(n => n.CreatedAt < notificationsBefore).ExecuteDeleteAsync(ct), cancellationToken);
    }
}
