using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.InApp;
using Samordning.Notifications.Mail;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Sweep;

// Sends one reminder of one deadline to its recipients, once per person and channel: the reminder log row is
// inserted first (with the in-app notification or the queued mail, in one transaction), and a unique violation
// means another sweep already did it. One person's trouble never stops the others.
internal sealed class ReminderSender(
    NotificationsDbContext db,
    IMinistryDirectory directory,
    LiveNotifications live,
    IClock clock,
    IOptions<NotificationsOptions> options,
    ILogger<ReminderSender> logger)
{
    private readonly Dictionary<Guid, PersonInfo?> _people = [];
    private Dictionary<Guid, NotificationPreference>? _preferences;

    public async Task<int> SendAsync(Deadline deadline, string offset, bool overdue, CancellationToken cancellationToken)
    {
        _preferences ??= await db.Preferences.AsNoTracking().ToDictionaryAsync(p => p.PersonId, cancellationToken);
        var done = (await db.ReminderLog.AsNoTracking()
                .Where(e => e.DeadlineKey == deadline.Key && e.DueAt == deadline.DueAt && e.Offset == offset)
                .Select(e => new { e.RecipientId, e.Channel })
                .ToListAsync(cancellationToken))
            .Select(e => (e.RecipientId, e.Channel))
            .ToHashSet();

        var claimed = 0;
        foreach (var recipient in deadline.RecipientPersonIds.Distinct())
        {
            if (done.Contains((recipient, Channels.App)) && done.Contains((recipient, Channels.Mail)))
            {
                continue;
            }

            try
            {
                claimed += await SendToAsync(deadline, offset, overdue, recipient, done, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                logger.LogError(e, "Reminder {Offset} of {Deadline} to {Person} failed; the sweep goes on.", offset, deadline.Key, recipient);
            }
        }

        return claimed;
    }

    private async Task<int> SendToAsync(
        Deadline deadline, string offset, bool overdue, Guid recipient, HashSet<(Guid, string)> done, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(recipient, cancellationToken);
        if (person is not { Active: true })
        {
            return 0;
        }

        var claimed = 0;
        if (!done.Contains((recipient, Channels.App)))
        {
            var notification = new Notification
            {
                Key = $"reminder:{deadline.Key}:{deadline.DueAt.UtcTicks}:{offset}",
                PersonId = recipient,
                TitleNb = Clip(overdue ? $"Fristen er passert: {deadline.Title.Nb}" : $"Frist {ReminderMail.When(deadline.DueAt, false)}: {deadline.Title.Nb}"),
                TitleEn = Clip(overdue ? $"Deadline passed: {deadline.Title.En}" : $"Due {ReminderMail.When(deadline.DueAt, true)}: {deadline.Title.En}"),
                Link = deadline.Link,
                CreatedAt = clock.UtcNow,
            };
            if (await TryClaimAsync(Entry(deadline, offset, Channels.App, person, ReminderState.Queued), notification, cancellationToken))
            {
                claimed++;
                await live.PublishAsync(notification, cancellationToken);
            }
        }

        var preference = _preferences!.GetValueOrDefault(recipient) ?? new NotificationPreference { PersonId = recipient };
        if (preference.EmailEnabled && !done.Contains((recipient, Channels.Mail)))
        {
            claimed += await ClaimMailAsync(deadline, offset, overdue, person, preference, cancellationToken) ? 1 : 0;
        }

        return claimed;
    }

    private async Task<bool> ClaimMailAsync(
        Deadline deadline, string offset, bool overdue, PersonInfo person, NotificationPreference preference, CancellationToken cancellationToken)
    {
        if (!IsValidAddress(person.Email))
        {
            var failed = Entry(deadline, offset, Channels.Mail, person, ReminderState.Failed);
            failed.Error = Clip($"Ugyldig e-postadresse i personregisteret / invalid e-mail address in the registry: '{person.Email}'", 1000);
            return await TryClaimAsync(failed, null, cancellationToken);
        }

        if (preference.DailyDigest)
        {
            return await TryClaimAsync(Entry(deadline, offset, Channels.Mail, person, ReminderState.AwaitingDigest), null, cancellationToken);
        }

        var settings = options.Value;
        var rendered = ReminderMail.Reminder(person.PreferredLanguage, person.Name, deadline, overdue, settings.PublicBaseUrl);
        var entry = Entry(deadline, offset, Channels.Mail, person, ReminderState.Queued);
        var now = clock.UtcNow;
        var mail = new MailMessage
        {
            Key = Clip($"reminder:{deadline.Key}:{deadline.DueAt.UtcTicks}:{person.Id:N}:{offset}", 300),
            ToAddress = person.Email.Trim(),
            ToName = person.Name,
            Subject = rendered.Subject,
            TextBody = rendered.Text,
            HtmlBody = rendered.Html,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        entry.MailKey = mail.Key;
        return await TryClaimAsync(entry, mail, cancellationToken);
    }

    private ReminderLogEntry Entry(Deadline deadline, string offset, string channel, PersonInfo person, ReminderState state) => new()
    {
        DeadlineKey = deadline.Key,
        DueAt = deadline.DueAt,
        RecipientId = person.Id,
        Offset = offset,
        Channel = channel,
        Kind = Clip(deadline.Kind, 60),
        Title = Clip(deadline.Title.Nb),
        TitleEn = Clip(deadline.Title.En),
        Link = Clip(deadline.Link, 500),
        RecipientName = Clip(person.Name, 200),
        ClaimedAt = clock.UtcNow,
        State = state,
    };

    // The claim: the log row and what it delivers are inserted together; a unique violation means it is taken.
    private async Task<bool> TryClaimAsync(ReminderLogEntry entry, object? delivery, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.ReminderLog.Add(entry);
        if (delivery is not null)
        {
            db.Add(delivery);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<PersonInfo?> PersonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_people.TryGetValue(id, out var person))
        {
            person = await directory.GetPersonAsync(id, cancellationToken);
            _people[id] = person;
        }

        return person;
    }

    public static bool IsValidAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && MailboxAddress.TryParse(address.Trim(), out var mailbox)
        && mailbox.Address.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase)
        && mailbox.LocalPart.Length > 0
        && mailbox.Domain.Contains('.', StringComparison.Ordinal)
        && !mailbox.Address.Any(char.IsWhiteSpace);

    private static string Clip(string text, int max = 400) => text.Length <= max ? text : text[..max];

    public static string ManualOffset(Guid token) => string.Create(CultureInfo.InvariantCulture, $"now:{token:N}");
}
