using Microsoft.Extensions.Options;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.Mail;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Sweep;

// People who chose a daily digest get one e-mail a day with the reminders held for them. The digest's outbox key
// carries the Oslo date, so a second sweep the same day finds it taken and the held rows wait for tomorrow.
internal sealed class DailyDigest(NotificationsDbContext db, IMinistryDirectory directory, IClock clock, IOptions<NotificationsOptions> options)
{
    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.UtcNow;
        var local = Oslo.ToOslo(now);
        if (local.Hour < settings.SendFromHour || local.Hour >= settings.SendUntilHour)
        {
            return 0;
        }

        var held = await db.ReminderLog.AsNoTracking().Where(e => e.State == ReminderState.AwaitingDigest).ToListAsync(cancellationToken);
        var queued = 0;
        var groups = held.GroupBy(e => e.RecipientId).ToList();
        var people = groups.Count == 0 ? [] : (await directory.GetPeopleAsync([.. groups.Select(g => g.Key)], cancellationToken)).ToDictionary(p => p.Id);
        foreach (var group in groups)
        {
            var key = $"digest:{group.Key:N}:{local:yyyy-MM-dd}";
            if (people.GetValueOrDefault(group.Key) is not { Active: true } person || await db.Mail.AnyAsync(m => m.Key == key, cancellationToken))
            {
                continue;
            }

            var items = group.OrderBy(e => e.DueAt)
                .Select(e => new DigestLine(
                    Localized.Pick(person.PreferredLanguage, e.Title, e.TitleEn, e.TitleNn),
                    e.DueAt,
                    e.Link,
                    [.. NotificationAction.Read(e.Actions).Select(a => new MailAction(a.LabelIn(person.PreferredLanguage), a.Link))]))
                .ToList();
            var rendered = ReminderMail.Digest(person.PreferredLanguage, person.Name, items, settings.PublicBaseUrl);
            db.ChangeTracker.Clear();
            db.Mail.Add(new MailMessage
            {
                Key = key,
                ToAddress = person.Email.Trim(),
                ToName = person.Name,
                Subject = rendered.Subject,
                TextBody = rendered.Text,
                HtmlBody = rendered.Html,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            foreach (var entry in group)
            {
                db.Attach(entry);
                entry.State = ReminderState.Queued;
                entry.MailKey = key;
            }

            // False: another sweep queued today's digest first.
            if (await StoreOnce.SaveAsync(db, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }
}
