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

// One reminder of one deadline, as the schedule (or a coordinator) decided it is due now.
internal sealed record DueReminder(Deadline Deadline, string Offset, bool Overdue);

// Sends due reminders to their recipients, once per person and channel: the reminder log row is inserted with
// what it delivers (the in-app notification or the queued mail) in one transaction, and a unique violation means
// another sweep already did it. The work goes in chunks of deadlines: one query for the log keys the chunk
// already has, one insert transaction for everything it claims (on SQLite with SqliteInserts, as SaveChanges sends
// one command per row there). Should that transaction fail (another sweep or node claimed some of the same rows in
// between, or one row is bad), the chunk is claimed again one row at a time, so exactly-once holds and one
// person's trouble never stops the others.
internal sealed class ReminderSender(
    NotificationsDbContext db,
    IMinistryDirectory directory,
    LiveNotifications live,
    IClock clock,
    IOptions<NotificationsOptions> options,
    ILogger<ReminderSender> logger)
{
    // Deadlines per chunk: the log-key query's IN list stays well under SQL Server's 2,100 parameters, and a
    // chunk that has to fall back to one row at a time stays small.
    public const int ChunkSize = 500;

    private readonly Dictionary<Guid, PersonInfo?> _people = [];
    private Dictionary<Guid, NotificationPreference>? _preferences;

    public Task<int> SendAsync(Deadline deadline, string offset, bool overdue, CancellationToken cancellationToken) =>
        SendAsync([new DueReminder(deadline, offset, overdue)], cancellationToken);

    public async Task<int> SendAsync(IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        _preferences ??= await db.Preferences.AsNoTracking().ToDictionaryAsync(p => p.PersonId, cancellationToken);
        var claimed = 0;

        // The newest in-app notification per person: the live push carries the unread count, which is all the
        // header shows, so one push per person and sweep is enough (the rest are stored and listed on /varsler).
        var newest = new Dictionary<Guid, Notification>();
        foreach (var chunk in due.Chunk(ChunkSize))
        {
            claimed += await SendChunkAsync(chunk, newest, cancellationToken);
        }

        await live.PublishManyAsync([.. newest.Values], cancellationToken);

        return claimed;
    }

    private async Task<int> SendChunkAsync(DueReminder[] chunk, Dictionary<Guid, Notification> newest, CancellationToken cancellationToken)
    {
        var done = await DoneAsync(chunk, cancellationToken);
        var claims = new List<Claim>();
        foreach (var reminder in chunk)
        {
            foreach (var recipient in reminder.Deadline.RecipientPersonIds.Distinct())
            {
                try
                {
                    await AddClaimsAsync(reminder, recipient, done, claims, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Reminder {Offset} of {Deadline} to {Person} failed; the sweep goes on.", reminder.Offset, reminder.Deadline.Key, recipient);
                }
            }
        }

        if (claims.Count == 0)
        {
            return 0;
        }

        List<Claim> stored;
        try
        {
            db.ChangeTracker.Clear();
            var rows = claims.SelectMany(c => c.Rows);
            if (db.Database.IsSqlite())
            {
                // SQLite: one prepared statement per table instead of EF's one command per row.
                await SqliteInserts.InsertAsync(db, rows, cancellationToken);
            }
            else
            {
                // SQL Server: SaveChanges batches the inserts itself.
                db.AddRange(rows);
                await db.SaveChangesAsync(cancellationToken);
            }

            stored = claims;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing of the chunk was stored (one transaction): claim it row by row, where a unique violation
            // means someone else has that one, and any other failure stops only its own row.
            db.ChangeTracker.Clear();
            if (e is not DbUpdateException update || !UniqueViolation.Is(update))
            {
                logger.LogWarning(e, "Claiming {Count} reminders at once failed; claiming them one by one.", claims.Count);
            }

            stored = [];
            foreach (var claim in claims)
            {
                try
                {
                    if (await TryClaimAsync(claim, cancellationToken))
                    {
                        stored.Add(claim);
                    }
                }
                catch (Exception one) when (one is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    db.ChangeTracker.Clear();
                    logger.LogError(one, "Reminder {Offset} of {Deadline} to {Person} by {Channel} failed; the sweep goes on.",
                        claim.Entry.Offset, claim.Entry.DeadlineKey, claim.Entry.RecipientId, claim.Entry.Channel);
                }
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        foreach (var notification in stored.Select(c => c.Delivery).OfType<Notification>())
        {
            newest[notification.PersonId] = notification;
        }

        return stored.Count;
    }

    // The log keys the chunk's deadlines already have, in one query (by deadline key, the unique index's prefix).
    private async Task<HashSet<(string Key, long DueTicks, Guid Recipient, string Offset, string Channel)>> DoneAsync(
        DueReminder[] chunk, CancellationToken cancellationToken)
    {
        var keys = chunk.Select(r => r.Deadline.Key).Distinct().ToList();
        var rows = await db.ReminderLog.AsNoTracking()
            .Where(e => keys.Contains(e.DeadlineKey))
            .Select(e => new { e.DeadlineKey, e.DueAt, e.RecipientId, e.Offset, e.Channel })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => (e.DeadlineKey, e.DueAt.UtcTicks, e.RecipientId, e.Offset, e.Channel))];
    }

    private async Task AddClaimsAsync(
        DueReminder reminder,
        Guid recipient,
        HashSet<(string Key, long DueTicks, Guid Recipient, string Offset, string Channel)> done,
        List<Claim> claims,
        CancellationToken cancellationToken)
    {
        var (deadline, offset, overdue) = reminder;
        var (app, mailWanted, preference) = Pending(reminder, recipient, done);
        if (!app && !mailWanted)
        {
            return;
        }

        var person = await PersonAsync(recipient, cancellationToken);
        if (person is not { Active: true })
        {
            return;
        }

        if (app)
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
            claims.Add(new Claim(Entry(deadline, offset, Channels.App, person, ReminderState.Queued), notification));
        }

        if (mailWanted)
        {
            claims.Add(MailClaim(deadline, offset, overdue, person, preference));
        }
    }

    // The channels of one reminder to one person still to claim: the app unless logged, the mail unless logged or
    // turned off by the person.
    private (bool App, bool Mail, NotificationPreference Preference) Pending(
        DueReminder reminder, Guid recipient, HashSet<(string Key, long DueTicks, Guid Recipient, string Offset, string Channel)> done)
    {
        var (deadline, offset, _) = reminder;
        bool Done(string channel) => done.Contains((deadline.Key, deadline.DueAt.UtcTicks, recipient, offset, channel));
        var preference = _preferences!.GetValueOrDefault(recipient) ?? new NotificationPreference { PersonId = recipient };
        return (!Done(Channels.App), preference.EmailEnabled && !Done(Channels.Mail), preference);
    }

    private Claim MailClaim(Deadline deadline, string offset, bool overdue, PersonInfo person, NotificationPreference preference)
    {
        if (!IsValidAddress(person.Email))
        {
            var failed = Entry(deadline, offset, Channels.Mail, person, ReminderState.Failed);
            failed.Error = Clip($"Ugyldig e-postadresse i personregisteret / invalid e-mail address in the registry: '{person.Email}'", 1000);
            return new Claim(failed, null);
        }

        if (preference.DailyDigest)
        {
            return new Claim(Entry(deadline, offset, Channels.Mail, person, ReminderState.AwaitingDigest), null);
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
        return new Claim(entry, mail);
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

    // The claim of one row: the log row and what it delivers are inserted together; a unique violation means it is taken.
    private async Task<bool> TryClaimAsync(Claim claim, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.AddRange(claim.Rows);
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

    // Once per person and sweep (the sender is scoped to one sweep), whatever the number of deadlines.
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

    // A log row and what it delivers (the notification, the queued mail, or nothing for a digest or a failure).
    private sealed record Claim(ReminderLogEntry Entry, object? Delivery)
    {
        public IEnumerable<object> Rows => Delivery is null ? [Entry] : [Entry, Delivery];
    }
}
