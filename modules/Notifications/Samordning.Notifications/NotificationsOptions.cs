using Samordning.Notifications.Scheduling;

namespace Samordning.Notifications;

// Modules:Notifications. Policies map a deadline kind to its offsets; "Default" covers kinds not listed.
internal sealed class NotificationsOptions
{
    public const string Section = "Modules:Notifications";

    // Absolute links in mail start here, for example https://samordning.regjeringen.no.
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public int SendFromHour { get; set; } = 8;
    public int SendUntilHour { get; set; } = 20;

    // When the reminder sweep runs (cron, Europe/Oslo). Every five minutes by default: a reminder fires on the hour,
    // so that is how late it can be; a test deployment may sweep every minute.
    public string SweepCron { get; set; } = "*/5 * * * *";

    // When the daily digest of activities goes out (cron, Europe/Oslo): before the working day starts.
    public string ActivityDigestCron { get; set; } = "0 7 * * *";

    public Dictionary<string, string[]> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SmtpSettings Smtp { get; set; } = new();

    public RetentionSettings Retention { get; set; } = new();

    // Where mail goes when no SMTP host is configured; relative to the data folder. Null: <data>/mail-pickup.
    public string? PickupFolder { get; set; }

    public int MaxMailAttempts { get; set; } = 8;

    // How long a node owns a message it is sending before another may take it over (it died mid-send).
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<string> DefaultPolicy { get; } = ["7d", "2wd", "0d", "overdue"];

    public IReadOnlyList<ReminderOffset> PolicyFor(string kind)
    {
        var codes = Policies.TryGetValue(kind, out var own) && own.Length > 0 ? own
            : Policies.TryGetValue("Default", out var fallback) && fallback.Length > 0 ? fallback
            : DefaultPolicy;
        return codes.Select(ReminderOffset.Parse).Distinct().ToList();
    }

    // Every offset some kind of deadline is reminded by: the listed kinds' and the default's.
    public IEnumerable<ReminderOffset> AllOffsets() => Policies.Keys.Append("Default").SelectMany(PolicyFor).Distinct();

    // Retries wait longer each time: 1, 2, 4, 8 … minutes, at most six hours.
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));
}

internal sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    // None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "samordning@example.no";
    public string FromName { get; set; } = "Samordning";
    public int TimeoutSeconds { get; set; } = 30;
}

// Modules:Notifications:Retention. How long what was sent is kept (the notifications.retention job removes it).
internal sealed class RetentionSettings
{
    // Sent and failed e-mails (the outbox row and the pickup folder's .eml file): addresses, names and texts of
    // receipts and reminders. Long enough to answer "did my receipt go out?" and to keep a key from being sent twice.
    public int MailDays { get; set; } = 30;

    // In-app notifications, read or not: a reminder is stale long before this.
    public int NotificationDays { get; set; } = 180;
}
