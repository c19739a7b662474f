namespace Samordning.Notifications.Data;

internal static class Channels
{
    public const string Mail = "mail";
    public const string App = "app";
}

internal enum ReminderState
{
    // Claimed and handed to its channel (an in-app notification stored, or a mail queued).
    Queued,

    // Held for the person's daily digest.
    AwaitingDigest,

    // Could not be queued, for example an invalid e-mail address in the registry.
    Failed,
}

// One reminder of one deadline (as due at DueAt) to one person by one channel. The unique index over those makes
// the row the claim: whoever inserts it sends the reminder, everyone else sees a unique violation.
internal sealed class ReminderLogEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DeadlineKey { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public Guid RecipientId { get; set; }
    public required string Offset { get; set; }
    public required string Channel { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string TitleEn { get; set; }

    // Null for rows stored before Nynorsk was offered: they are shown in Bokmål.
    public string? TitleNn { get; set; }
    public required string Link { get; set; }
    public required string RecipientName { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public ReminderState State { get; set; }
    public string? Error { get; set; }

    // The mail that carries it (its own or the digest), for the coordinators' view of what was sent.
    public string? MailKey { get; set; }

    // The recipient's one-click actions (NotificationAction, as JSON) for a reminder held for the daily digest: the
    // digest is written later from the log alone, and carries the same "unchanged" links as a single reminder.
    public string? Actions { get; set; }
}

internal enum MailState
{
    Pending,
    Sending,
    Sent,
    Failed,
}

// The mail outbox: every e-mail is stored here first, with a unique key, and delivered by MailDelivery.
internal sealed class MailMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public MailState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    // A calendar invitation carried as a text/calendar part (METHOD:REQUEST or CANCEL), or null.
    public string? CalendarMethod { get; set; }
    public string? Calendar { get; set; }
}

internal sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public Guid PersonId { get; set; }
    public required string TitleNb { get; set; }
    public required string TitleEn { get; set; }

    // Null for rows stored before Nynorsk was offered: they are shown in Bokmål.
    public string? TitleNn { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    // A reminder's one-click actions for this person (NotificationAction, as JSON), or null: issue 17's "unchanged"
    // per initiative, listed under the notification.
    public string? Actions { get; set; }
}

// One action under a notification or a reminder held for the digest: what it is about (in Bokmål and English, and in
// Nynorsk when the source gave one) and the page that does it.
internal sealed record NotificationAction(string Label, string LabelEn, string Link, string? LabelNn = null)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? Write(IReadOnlyList<Shared.Deadlines.DeadlineAction> actions) =>
        actions.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(actions.Select(a => new NotificationAction(a.Label.Nb, a.Label.En, a.Link, a.Label.Nn)), Json);

    // The label in a language ("nb", "nn", "en"), Bokmål when the other is not given.
    public string LabelIn(string? language) => Shared.Text.Localized.Pick(language, Label, LabelEn, LabelNn);

    public static IReadOnlyList<NotificationAction> Read(string? json) =>
        json is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<NotificationAction>>(json, Json) ?? [];
}

// Only the person edits their own preferences, so the last save simply wins.
internal sealed class NotificationPreference
{
    public Guid PersonId { get; set; }
    public bool EmailEnabled { get; set; } = true;
    public bool DailyDigest { get; set; }
}

// A person's choice per kind of activity (ActivityKinds) and channel. No row: in-app and e-mail on, digest off.
internal sealed class ActivityPreference
{
    public Guid PersonId { get; set; }
    public required string Kind { get; set; }
    public bool InApp { get; set; } = true;
    public bool Email { get; set; } = true;
    public bool Digest { get; set; }
}

// A person follows a workstream: new input on it reaches them.
internal sealed class WorkstreamFollow
{
    public Guid PersonId { get; set; }
    public Guid WorkstreamId { get; set; }
    public DateTimeOffset Since { get; set; }
}

// An activity held for a person's daily digest. The unique (PersonId, EventKey) makes a redelivered event hold
// nothing more; MailKey is set when a digest took it, so no item is in two digests.
internal sealed class DigestItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public required string EventKey { get; set; }
    public required string Kind { get; set; }
    public required string TitleNb { get; set; }
    public required string TitleEn { get; set; }

    // Null for rows stored before Nynorsk was offered: they are shown in Bokmål.
    public string? TitleNn { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? MailKey { get; set; }
}

// A coordinator's reminder policy for one kind of deadline (none stored: configuration applies). Versioned, since
// coordinators edit it together, and audited, so the history says who changed the rule and how.
internal sealed class StoredReminderPolicy : IVersioned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }

    // Days before the deadline, furthest first: "14, 7, 1".
    public required string Offsets { get; set; }
    public bool WorkingDays { get; set; }
    public bool Overdue { get; set; }
    public int SendHour { get; set; }

    // True once a coordinator reset the kind to configuration: the row stays, so its history and version go on,
    // but the configured default applies until the next save.
    public bool FollowsConfiguration { get; set; }
    public long Version { get; set; }
}
