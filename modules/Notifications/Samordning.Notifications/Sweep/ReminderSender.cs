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
// what it delivers (the in-app notification or the queued mail) in one transaction, and a log row that is already
// there means another sweep did it. One query finds the log keys the due deadlines already have and one registry
// query the people still to remind; then everything claimed is stored in one transaction: on SQLite with
// SqliteInserts, which skips a claim whose log row another sweep or node stored in between; on SQL Server with
// SaveChanges. Should that transaction fail (a unique violation on SQL Server, or a bad row), the claims are
// stored again a chunk at a time and a failing chunk one claim at a time, so exactly-once holds and one person's
// trouble never stops the others.
internal sealed class ReminderSender(
    NotificationsDbContext db,
    IMinistryDirectory directory,
    LiveNotifications live,
    IClock clock,
    IOptions<NotificationsOptions> options,
    ILogger<ReminderSender> logger)
{
    // Claims per transaction when a whole sweep's could not be stored at once.
    public const int ChunkSize = 500;

    private readonly Dictionary<Guid, PersonInfo?> _people = [];

    // Whether each person's address parses (MimeKit): once per person, not once per mail.
    private readonly Dictionary<Guid, bool> _validAddress = [];

    // Due instants as text, per language: thousands of reminders share a few hundred due instants.
    private readonly Dictionary<(DateTimeOffset At, bool English), string> _when = [];
    private Dictionary<Guid, NotificationPreference>? _preferences;

    public Task<int> SendAsync(Deadline deadline, string offset, bool overdue, CancellationToken cancellationToken) =>
        SendAsync([new DueReminder(deadline, offset, overdue)], cancellationToken);

    public async Task<int> SendAsync(IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        _preferences ??= await db.Preferences.AsNoTracking().ToDictionaryAsync(p => p.PersonId, cancellationToken);
        var claims = await ClaimsAsync(due, cancellationToken);
        var stored = claims.Count == 0 ? [] : await StoreAsync(claims, cancellationToken);

        // The newest in-app notification per person: the live push carries the unread count, which is all the
        // header shows, so one push per person and sweep is enough (the rest are stored and listed on /varsler).
        var newest = new Dictionary<Guid, Notification>();
        foreach (var notification in stored.Select(c => c.Delivery).OfType<Notification>())
        {
            newest[notification.PersonId] = notification;
        }

        await live.PublishManyAsync([.. newest.Values], cancellationToken);
        return stored.Count;
    }

    // What the due reminders still have to send: not in the log yet, to active people, by their channels.
    private async Task<List<Claim>> ClaimsAsync(IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        var claims = new List<Claim>();
        var done = await DoneAsync(due, cancellationToken);
        var pending = due
            .SelectMany(reminder => reminder.Deadline.RecipientPersonIds.Distinct().Select(recipient => (Reminder: reminder, Recipient: recipient)))
            .Select(p => (p.Reminder, p.Recipient, Channels: Pending(p.Reminder, p.Recipient, done)))
            .Where(p => p.Channels.App || p.Channels.Mail)
            .ToList();
        try
        {
            await LookUpAsync(pending.Select(p => p.Recipient), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Without the registry nobody can be reminded: the reminders wait for the next sweep.
            logger.LogError(e, "Looking up the recipients of {Count} reminders failed; they are tried again in the next sweep.", pending.Count);
            return claims;
        }

        foreach (var (reminder, recipient, (app, mail, preference)) in pending)
        {
            try
            {
                if (_people[recipient] is { Active: true } person)
                {
                    AddClaims(reminder, person, app, mail, preference, claims);
                }
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reminder {Offset} of {Deadline} to {Person} failed; the sweep goes on.", reminder.Offset, reminder.Deadline.Key, recipient);
            }
        }

        return claims;
    }

    // Stores the claims in one transaction; when that fails, a chunk at a time, and a failing chunk one at a time.
    private async Task<List<Claim>> StoreAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        try
        {
            db.ChangeTracker.Clear();
            if (db.Database.IsSqlite())
            {
                // SQLite: one prepared statement per table instead of EF's one command per row; a log row that is
                // already stored skips its claim.
                var stored = await SqliteInserts.InsertAsync(db, [.. claims.Select(c => c.Rows)], cancellationToken);
                return [.. claims.Where((_, i) => stored[i])];
            }

            // SQL Server: SaveChanges batches the inserts itself; a log row already stored fails the transaction.
            db.AddRange(claims.SelectMany(c => c.Rows));
            await db.SaveChangesAsync(cancellationToken);
            return [.. claims];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing was stored (one transaction): again in smaller parts, where a unique violation means someone
            // else has that claim, and any other failure stops only its own part.
            db.ChangeTracker.Clear();
            if (e is not DbUpdateException update || !UniqueViolation.Is(update))
            {
                logger.LogWarning(e, "Storing {Count} reminders at once failed; storing them in smaller parts.", claims.Count);
            }

            return claims.Count > ChunkSize ? await StoreInChunksAsync(claims, cancellationToken) : await StoreOneByOneAsync(claims, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<List<Claim>> StoreInChunksAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var stored = new List<Claim>();
        foreach (var chunk in claims.Chunk(ChunkSize))
        {
            stored.AddRange(await StoreAsync(chunk, cancellationToken));
        }

        return stored;
    }

    private async Task<List<Claim>> StoreOneByOneAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var stored = new List<Claim>();
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

        return stored;
    }

    // The log keys the due deadlines already have, in one query (by deadline key, the unique index's prefix; the
    // keys as one JSON parameter, as thousands of them would pass SQL Server's limit of 2,100 parameters).
    private async Task<HashSet<(string Key, long DueTicks, Guid Recipient, string Offset, string Channel)>> DoneAsync(
        IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        var keys = due.Select(r => r.Deadline.Key).Distinct().ToArray();
        var rows = await db.ReminderLog.AsNoTracking()
            .Where(e => EF.Parameter(keys).Contains(e.DeadlineKey))
            .Select(e => new { e.DeadlineKey, e.DueAt, e.RecipientId, e.Offset, e.Channel })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => (e.DeadlineKey, e.DueAt.UtcTicks, e.RecipientId, e.Offset, e.Channel))];
    }

    private void AddClaims(DueReminder reminder, PersonInfo person, bool app, bool mail, NotificationPreference preference, List<Claim> claims)
    {
        var (deadline, offset, overdue) = reminder;
        if (app)
        {
            var notification = new Notification
            {
                Key = $"reminder:{deadline.Key}:{deadline.DueAt.UtcTicks}:{offset}",
                PersonId = person.Id,
                TitleNb = Clip(overdue ? $"Fristen er passert: {deadline.Title.Nb}" : $"Frist {When(deadline.DueAt, false)}: {deadline.Title.Nb}"),
                TitleEn = Clip(overdue ? $"Deadline passed: {deadline.Title.En}" : $"Due {When(deadline.DueAt, true)}: {deadline.Title.En}"),
                Link = deadline.Link,
                CreatedAt = clock.UtcNow,
            };
            claims.Add(new Claim(Entry(deadline, offset, Channels.App, person, ReminderState.Queued), notification));
        }

        if (mail)
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
        if (!_validAddress.TryGetValue(person.Id, out var valid))
        {
            valid = IsValidAddress(person.Email);
            _validAddress[person.Id] = valid;
        }

        if (!valid)
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
        var rendered = ReminderMail.Reminder(person.PreferredLanguage, person.Name, deadline, overdue, settings.PublicBaseUrl, When);
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

    // Each person once per sweep (the sender is scoped to one sweep), whatever the number of deadlines: those not
    // looked up yet in one registry query; unknown ones are remembered as null.
    private async Task LookUpAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !_people.ContainsKey(id)).ToHashSet();
        if (missing.Count == 0)
        {
            return;
        }

        var found = (await directory.GetPeopleAsync(missing, cancellationToken)).ToDictionary(p => p.Id);
        foreach (var id in missing)
        {
            _people[id] = found.GetValueOrDefault(id);
        }
    }

    public static bool IsValidAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && MailboxAddress.TryParse(address.Trim(), out var mailbox)
        && mailbox.Address.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase)
        && mailbox.LocalPart.Length > 0
        && mailbox.Domain.Contains('.', StringComparison.Ordinal)
        && !mailbox.Address.Any(char.IsWhiteSpace);

    private string When(DateTimeOffset at, bool english)
    {
        if (!_when.TryGetValue((at, english), out var text))
        {
            text = ReminderMail.When(at, english);
            _when[(at, english)] = text;
        }

        return text;
    }

    private static string Clip(string text, int max = 400) => text.Length <= max ? text : text[..max];

    public static string ManualOffset(Guid token) => string.Create(CultureInfo.InvariantCulture, $"now:{token:N}");

    // A log row and what it delivers (the notification, the queued mail, or nothing for a digest or a failure).
    private sealed record Claim(ReminderLogEntry Entry, object? Delivery)
    {
        public object[] Rows => Delivery is null ? [Entry] : [Entry, Delivery];
    }
}
