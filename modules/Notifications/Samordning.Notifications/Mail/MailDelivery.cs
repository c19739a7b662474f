using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samordning.Notifications.Data;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Mail;

// Delivers the outbox. A message is leased with one conditional update before it is sent, so two sweeps or two
// nodes never send the same message; a failure puts it back with a later attempt time (back-off), a permanent
// refusal or too many attempts marks it failed for the administrators' page.
internal sealed class MailDelivery(
    NotificationsDbContext db, IMailTransport transport, IClock clock, IOptions<NotificationsOptions> options, ILogger<MailDelivery> logger)
{
    private const int BatchSize = 500;

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await db.Mail.AsNoTracking()
            .Where(m => (m.State == MailState.Pending && m.NextAttemptAt <= now) || (m.State == MailState.Sending && m.LeasedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            if (await DeliverOneAsync(id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> DeliverOneAsync(Guid id, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.UtcNow;
        var leasedUntil = now + settings.SendLease;
        // Each statement queues in the file's group writer on SQLite (ExecuteWriteAsync), as every other write does.
        var leased = await db.ExecuteWriteAsync(ct => db.Mail
            .Where(m => m.Id == id && ((m.State == MailState.Pending && m.NextAttemptAt <= now) || (m.State == MailState.Sending && m.LeasedUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, MailState.Sending)
                .SetProperty(m => m.LeasedUntil, leasedUntil)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct), cancellationToken);
        if (leased == 0)
        {
            return false;
        }

        var mail = await db.Mail.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(MimeMessages.From(mail, settings.Smtp), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var permanent = e is MailDeliveryException { Permanent: true } || mail.Attempts >= settings.MaxMailAttempts;
            logger.LogWarning(e, "Mail {Key} to {Address} failed (attempt {Attempt}, permanent: {Permanent}).", mail.Key, mail.ToAddress, mail.Attempts, permanent);
            var error = Truncate(e.Message, 1000);
            var next = clock.UtcNow + NotificationsOptions.BackOff(mail.Attempts);
            // Recorded even when the sweep is being cancelled: the attempt happened.
            await db.ExecuteWriteAsync(ct => db.Mail.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, permanent ? MailState.Failed : MailState.Pending)
                .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error), ct), CancellationToken.None);
            return false;
        }

        // Sent: recorded whatever happens to the sweep now, so it is never sent again.
        var sentAt = clock.UtcNow;
        await db.ExecuteWriteAsync(ct => db.Mail.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, MailState.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), ct), CancellationToken.None);
        return true;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
