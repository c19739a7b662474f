using Microsoft.Extensions.Options;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.Mail;
using Samordning.Shared.Jobs;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Activity;

// Once a day, each person who held activities for the digest gets one e-mail of them. The mail and the marking of
// its items commit together, under a key with the person and the Oslo date: a second run that day (a retried job,
// another node) meets the key and sends nothing, and an item is never in two digests.
internal sealed class ActivityDigest(NotificationsDbContext db, IMinistryDirectory directory, IClock clock, IOptions<NotificationsOptions> options) : IRecurringJob
{
    public string Id => "notifications.activity-digest";

    public string Cron => options.Value.ActivityDigestCron;

    public Task RunAsync(CancellationToken cancellationToken) => QueueAsync(cancellationToken);

    public static string KeyOf(Guid person, DateTimeOffset now) => $"activity-digest:{person:N}:{Oslo.ToOslo(now):yyyy-MM-dd}";

    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var held = await db.DigestItems.AsNoTracking().Where(i => i.MailKey == null).ToListAsync(cancellationToken);
        var groups = held.GroupBy(i => i.PersonId).ToList();
        if (groups.Count == 0)
        {
            return 0;
        }

        var people = (await directory.GetPeopleAsync([.. groups.Select(g => g.Key)], cancellationToken)).ToDictionary(p => p.Id);
        var queued = 0;
        foreach (var group in groups)
        {
            var key = KeyOf(group.Key, now);
            if (people.GetValueOrDefault(group.Key) is not { Active: true } person || await db.Mail.AnyAsync(m => m.Key == key, cancellationToken))
            {
                continue;
            }

            var items = group.OrderBy(i => i.OccurredAt).Select(i => (Localized.Pick(person.PreferredLanguage, i.TitleNb, i.TitleEn, i.TitleNn), i.OccurredAt, i.Link)).ToList();
            var rendered = ActivityMail.Digest(person.PreferredLanguage, person.Name, items, options.Value.PublicBaseUrl);
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
            foreach (var item in group)
            {
                db.Attach(item);
                item.MailKey = key;
            }

            // False: another run queued this person's digest today; what it did not take waits for tomorrow's.
            if (await StoreOnce.SaveAsync(db, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }
}
