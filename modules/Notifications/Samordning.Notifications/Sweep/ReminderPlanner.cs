using System.Globalization;
using MimeKit;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.Mail;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Text;

namespace Samordning.Notifications.Sweep;

// One reminder of one deadline, as the schedule (or a coordinator) decided it is due now.
internal sealed record DueReminder(Deadline Deadline, string Offset, bool Overdue);

// A reminder log key: one reminder of one deadline due at one instant, to one person by one channel.
internal readonly record struct ReminderKey(string DeadlineKey, long DueTicks, Guid Recipient, string Offset, string Channel);

// One reminder to one person with the channels still to claim, and the person's preference.
internal sealed record PendingReminder(DueReminder Reminder, Guid Recipient, bool App, bool Mail, NotificationPreference Preference);

// A log row and what it delivers (the notification, the queued mail, or nothing for a digest or a failure).
internal sealed record ReminderClaim(ReminderLogEntry Entry, object? Delivery)
{
    public object[] Rows => Delivery is null ? [Entry] : [Entry, Delivery];
}

// What a sweep claims, and the reminders that could not be planned (the sweep goes on without them).
internal sealed record ReminderPlan(IReadOnlyList<ReminderClaim> Claims, IReadOnlyList<(PendingReminder Reminder, Exception Error)> Failures);

// Decides what due reminders still have to send, without storage, clock or registry: the reminder log keys
// already stored, the people and their preferences come in, the claims go out. Each reminder goes once per
// person and channel: the app unless logged; the mail unless logged or turned off, waiting for the digest when
// the person takes one, or logged as failed when the registry's address does not parse. One planner per sweep:
// it remembers each person's address check and each due instant's text, which thousands of reminders share.
internal sealed class ReminderPlanner(string publicBaseUrl)
{
    // Claims per transaction when a whole sweep's could not be stored at once.
    public const int ChunkSize = 500;

    private static readonly CultureInfo Bokmal = Localized.CultureOf("nb");
    private static readonly CultureInfo Nynorsk = Localized.CultureOf("nn");
    private static readonly CultureInfo English = Localized.CultureOf("en");

    private readonly Dictionary<Guid, bool> validAddress = [];
    private readonly Dictionary<(DateTimeOffset At, string Culture), string> whenTexts = [];

    // The channels each due reminder still has to claim, per distinct recipient; a reminder given twice counts once.
    public static List<PendingReminder> Pending(
        IEnumerable<DueReminder> due, IReadOnlySet<ReminderKey> done, IReadOnlyDictionary<Guid, NotificationPreference> preferences)
    {
        var planned = new HashSet<(string Key, long DueTicks, Guid Recipient, string Offset)>();
        var pending = new List<PendingReminder>();
        foreach (var reminder in due)
        {
            var (deadline, offset, _) = reminder;
            foreach (var recipient in deadline.RecipientPersonIds)
            {
                if (!planned.Add((deadline.Key, deadline.DueAt.UtcTicks, recipient, offset)))
                {
                    continue;
                }

                bool Done(string channel) => done.Contains(new ReminderKey(deadline.Key, deadline.DueAt.UtcTicks, recipient, offset, channel));
                var preference = preferences.GetValueOrDefault(recipient) ?? new NotificationPreference { PersonId = recipient };
                var (app, mail) = (!Done(Channels.App), preference.EmailEnabled && !Done(Channels.Mail));
                if (app || mail)
                {
                    pending.Add(new PendingReminder(reminder, recipient, app, mail, preference));
                }
            }
        }

        return pending;
    }

    // The claims of the pending reminders to active people (unknown people, null, get none).
    public ReminderPlan Plan(IEnumerable<PendingReminder> pending, IReadOnlyDictionary<Guid, PersonInfo?> people, DateTimeOffset now)
    {
        var claims = new List<ReminderClaim>();
        var failures = new List<(PendingReminder, Exception)>();
        foreach (var reminder in pending)
        {
            try
            {
                if (people.GetValueOrDefault(reminder.Recipient) is { Active: true } person)
                {
                    AddClaims(reminder, person, now, claims);
                }
            }
            catch (Exception e)
            {
                failures.Add((reminder, e));
            }
        }

        return new ReminderPlan(claims, failures);
    }

    // How claims whose one transaction failed are stored again: in chunks when there are more than one chunk's
    // worth, else one at a time, so a failing part narrows down to the claim at fault.
    public static IEnumerable<IReadOnlyList<ReminderClaim>> FallbackParts(IReadOnlyList<ReminderClaim> claims) =>
        claims.Count > ChunkSize ? claims.Chunk(ChunkSize) : claims.Select(c => (IReadOnlyList<ReminderClaim>)[c]);

    public static bool IsValidAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && MailboxAddress.TryParse(address.Trim(), out var mailbox)
        && mailbox.Address.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase)
        && mailbox.LocalPart.Length > 0
        && mailbox.Domain.Contains('.', StringComparison.Ordinal)
        && !mailbox.Address.Any(char.IsWhiteSpace);

    private void AddClaims(PendingReminder pending, PersonInfo person, DateTimeOffset now, List<ReminderClaim> claims)
    {
        var (deadline, offset, overdue) = pending.Reminder;
        ReminderClaim? app = null;
        if (pending.App)
        {
            var notification = new Notification
            {
                Key = $"reminder:{deadline.Key}:{deadline.DueAt.UtcTicks}:{offset}",
                PersonId = person.Id,
                TitleNb = Clip(InAppTitle(deadline, overdue, Bokmal)),
                TitleEn = Clip(InAppTitle(deadline, overdue, English)),
                TitleNn = Clip(InAppTitle(deadline, overdue, Nynorsk)),
                Link = deadline.Link,
                CreatedAt = now,
                Actions = NotificationAction.Write(deadline.ActionsFor(person.Id)),
            };
            app = new ReminderClaim(Entry(pending.Reminder, Channels.App, person, ReminderState.Queued, now), notification);
        }

        // Made before either is added: a reminder that fails to plan adds nothing.
        var mail = pending.Mail ? MailClaim(pending, person, now) : null;
        if (app is not null)
        {
            claims.Add(app);
        }

        if (mail is not null)
        {
            claims.Add(mail);
        }
    }

    private ReminderClaim MailClaim(PendingReminder pending, PersonInfo person, DateTimeOffset now)
    {
        var (deadline, offset, overdue) = pending.Reminder;
        if (!validAddress.TryGetValue(person.Id, out var valid))
        {
            valid = IsValidAddress(person.Email);
            validAddress[person.Id] = valid;
        }

        if (!valid)
        {
            var failed = Entry(pending.Reminder, Channels.Mail, person, ReminderState.Failed, now);
            failed.Error = Clip($"Ugyldig e-postadresse i personregisteret / invalid e-mail address in the registry: '{person.Email}'", 1000);
            return new ReminderClaim(failed, null);
        }

        if (pending.Preference.DailyDigest)
        {
            var held = Entry(pending.Reminder, Channels.Mail, person, ReminderState.AwaitingDigest, now);
            held.Actions = NotificationAction.Write(deadline.ActionsFor(person.Id));
            return new ReminderClaim(held, null);
        }

        var rendered = ReminderMail.Reminder(person.PreferredLanguage, person.Name, deadline, overdue, publicBaseUrl, When, deadline.ActionsFor(person.Id));
        var entry = Entry(pending.Reminder, Channels.Mail, person, ReminderState.Queued, now);
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
        return new ReminderClaim(entry, mail);
    }

    private static ReminderLogEntry Entry(DueReminder reminder, string channel, PersonInfo person, ReminderState state, DateTimeOffset now) => new()
    {
        DeadlineKey = reminder.Deadline.Key,
        DueAt = reminder.Deadline.DueAt,
        RecipientId = person.Id,
        Offset = reminder.Offset,
        Channel = channel,
        Kind = Clip(reminder.Deadline.Kind, 60),
        Title = Clip(reminder.Deadline.Title.Nb),
        TitleEn = Clip(reminder.Deadline.Title.En),
        TitleNn = Clip(reminder.Deadline.Title.In(Nynorsk)),
        Link = Clip(reminder.Deadline.Link, 500),
        RecipientName = Clip(person.Name, 200),
        ClaimedAt = now,
        State = state,
    };

    private string InAppTitle(Deadline deadline, bool overdue, CultureInfo culture) => overdue
        ? new LocalizedText("Fristen er passert: {0}", "Deadline passed: {0}").Format(culture, deadline.Title.In(culture))
        : new LocalizedText("Frist {0}: {1}", "Due {0}: {1}").Format(culture, When(deadline.DueAt, culture), deadline.Title.In(culture));

    private string When(DateTimeOffset at, CultureInfo culture)
    {
        if (!whenTexts.TryGetValue((at, culture.Name), out var text))
        {
            text = ReminderMail.When(at, culture);
            whenTexts[(at, culture.Name)] = text;
        }

        return text;
    }

    private static string Clip(string text, int max = 400) => text.Length <= max ? text : text[..max];
}
