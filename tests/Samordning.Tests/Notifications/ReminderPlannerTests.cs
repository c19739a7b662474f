using CsCheck;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.Sweep;
using Samordning.Shared.Deadlines;

namespace Samordning.Tests.Notifications;

// What the sweep claims, decided without storage, registry or clock: the log keys already stored, the people and
// their preferences in, the claims out.
public sealed class ReminderPlannerTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Due = Now.AddDays(7).AddHours(4);
    private static readonly Dictionary<Guid, NotificationPreference> NoPreferences = [];

    private static Deadline Deadline(string key, params Guid[] recipients) =>
        new(key, "test", new("Innspill til kapittel 5", "Input to chapter 5"), Due, "/arbeidsstrommer/runder/1", recipients);

    private static PersonInfo Person(Guid id, string email = "ase@fin.example.no", bool active = true, string language = "nb") =>
        new(id, "Åse Øvrebø", email, null, null, [], active, language);

    private static ReminderPlan Plan(
        IEnumerable<DueReminder> due, IEnumerable<PersonInfo> people, IReadOnlySet<ReminderKey>? done = null, Dictionary<Guid, NotificationPreference>? preferences = null) =>
        new ReminderPlanner("https://samordning.example.no").Plan(
            ReminderPlanner.Pending(due, done ?? new HashSet<ReminderKey>(), preferences ?? NoPreferences),
            people.ToDictionary(p => p.Id, p => (PersonInfo?)p),
            Now);

    private static ReminderClaim AnyClaim() => new(new ReminderLogEntry
    {
        DeadlineKey = "test:1", Offset = "7d", Channel = Channels.App, Kind = "test", Title = "T", TitleEn = "T", Link = "/", RecipientName = "N",
    }, null);

    private static ReminderKey Key(ReminderClaim claim) =>
        new(claim.Entry.DeadlineKey, claim.Entry.DueAt.UtcTicks, claim.Entry.RecipientId, claim.Entry.Offset, claim.Entry.Channel);

    [Fact]
    public void Plan_DueReminder_NotificationAndMailWithTheirKeys()
    {
        var id = Guid.NewGuid();

        var plan = Plan([new DueReminder(Deadline("test:1", id), "7d", false)], [Person(id, " ase@fin.example.no ")]);

        Assert.Empty(plan.Failures);
        Assert.Equal(
            [new ReminderKey("test:1", Due.UtcTicks, id, "7d", Channels.App), new ReminderKey("test:1", Due.UtcTicks, id, "7d", Channels.Mail)],
            plan.Claims.Select(Key));
        var notification = Assert.IsType<Notification>(plan.Claims[0].Delivery);
        Assert.Equal($"reminder:test:1:{Due.UtcTicks}:7d", notification.Key);
        Assert.Equal(id, notification.PersonId);
        Assert.StartsWith("Frist ", notification.TitleNb, StringComparison.Ordinal);
        Assert.Equal(Now, notification.CreatedAt);
        var mail = Assert.IsType<MailMessage>(plan.Claims[1].Delivery);
        Assert.Equal($"reminder:test:1:{Due.UtcTicks}:{id:N}:7d", mail.Key);
        Assert.Equal(mail.Key, plan.Claims[1].Entry.MailKey);
        Assert.Equal("ase@fin.example.no", mail.ToAddress);
        Assert.Contains("https://samordning.example.no/arbeidsstrommer/runder/1", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(Now, mail.NextAttemptAt);
        Assert.All(plan.Claims, c => Assert.Equal((ReminderState.Queued, Now, "Åse Øvrebø"), (c.Entry.State, c.Entry.ClaimedAt, c.Entry.RecipientName)));
    }

    [Fact]
    public void Plan_Overdue_TitlesSayTheDeadlinePassed()
    {
        var id = Guid.NewGuid();

        var plan = Plan([new DueReminder(Deadline("test:late", id), "overdue", true)], [Person(id, language: "en")]);

        var notification = Assert.IsType<Notification>(plan.Claims[0].Delivery);
        Assert.Equal(("Fristen er passert: Innspill til kapittel 5", "Deadline passed: Input to chapter 5"), (notification.TitleNb, notification.TitleEn));
        Assert.Equal("Deadline passed: Input to chapter 5", Assert.IsType<MailMessage>(plan.Claims[1].Delivery).Subject);
    }

    [Fact]
    public void Plan_PersonPrefersNynorsk_MailAndNotificationInNynorsk()
    {
        var id = Guid.NewGuid();
        var deadline = Deadline("test:nn", id) with { Title = new("Innspill til kapittel 5", "Input to chapter 5") { Nn = "Innspel til kapittel 5" } };

        var plan = Plan([new DueReminder(deadline, "7d", false)], [Person(id, language: "nn")]);

        var notification = Assert.IsType<Notification>(plan.Claims[0].Delivery);
        Assert.Equal("Frist 14. juni 2027 kl. 12:05: Innspel til kapittel 5", notification.TitleNn);
        var mail = Assert.IsType<MailMessage>(plan.Claims[1].Delivery);
        Assert.Equal("Påminning: Innspel til kapittel 5 – frist 14. juni 2027 kl. 12:05", mail.Subject);
        Assert.StartsWith("Hei Åse Øvrebø,\n\nFristen for «Innspel til kapittel 5» er 14. juni 2027 kl. 12:05 (norsk tid).\n\nGå til saka:", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("Innspel til kapittel 5", plan.Claims[1].Entry.TitleNn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("ase@localhost")]
    public void Plan_PersonWithoutValidEmail_MailLoggedAsFailedAndNotificationStill(string email)
    {
        var id = Guid.NewGuid();

        var plan = Plan([new DueReminder(Deadline("test:1", id), "7d", false)], [Person(id, email)]);

        Assert.IsType<Notification>(plan.Claims[0].Delivery);
        var mail = plan.Claims[1];
        Assert.Null(mail.Delivery);
        Assert.Equal((Channels.Mail, ReminderState.Failed), (mail.Entry.Channel, mail.Entry.State));
        Assert.Contains("invalid e-mail address", mail.Entry.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MailTurnedOff_NotificationOnly()
    {
        var id = Guid.NewGuid();

        var plan = Plan([new DueReminder(Deadline("test:1", id), "7d", false)], [Person(id)],
            preferences: new() { [id] = new NotificationPreference { PersonId = id, EmailEnabled = false } });

        Assert.Equal([Channels.App], plan.Claims.Select(c => c.Entry.Channel));
    }

    [Fact]
    public void Plan_DailyDigest_MailAwaitsTheDigestWithoutAMessage()
    {
        var id = Guid.NewGuid();

        var plan = Plan([new DueReminder(Deadline("test:1", id), "7d", false)], [Person(id)],
            preferences: new() { [id] = new NotificationPreference { PersonId = id, DailyDigest = true } });

        var mail = Assert.Single(plan.Claims, c => c.Entry.Channel == Channels.Mail);
        Assert.Equal(ReminderState.AwaitingDigest, mail.Entry.State);
        Assert.Null(mail.Delivery);
        Assert.Null(mail.Entry.MailKey);
    }

    [Fact]
    public void Pending_ChannelsAlreadyLogged_OnlyTheRestClaimed()
    {
        var (mailDone, allDone) = (Guid.NewGuid(), Guid.NewGuid());
        var done = new HashSet<ReminderKey>
        {
            new("test:1", Due.UtcTicks, mailDone, "7d", Channels.Mail),
            new("test:1", Due.UtcTicks, allDone, "7d", Channels.Mail),
            new("test:1", Due.UtcTicks, allDone, "7d", Channels.App),
            // Another offset or due instant of the same deadline is another reminder.
            new("test:1", Due.AddDays(-1).UtcTicks, mailDone, "7d", Channels.App),
            new("test:1", Due.UtcTicks, mailDone, "1d", Channels.App),
        };

        var pending = ReminderPlanner.Pending([new DueReminder(Deadline("test:1", mailDone, allDone), "7d", false)], done, NoPreferences);

        var only = Assert.Single(pending);
        Assert.Equal((mailDone, true, false), (only.Recipient, only.App, only.Mail));
    }

    [Fact]
    public void Plan_DuplicatesInTheInput_OneClaimPerRecipientAndKey()
    {
        var id = Guid.NewGuid();
        var reminder = new DueReminder(Deadline("test:1", id, id), "7d", false);

        var plan = Plan([reminder, reminder, reminder with { Overdue = true }], [Person(id)]);

        Assert.Equal(2, plan.Claims.Count);
        Assert.Equal(2, plan.Claims.Select(Key).Distinct().Count());
    }

    [Fact]
    public void Plan_UnknownOrInactivePeople_NothingClaimed()
    {
        var (unknown, inactive) = (Guid.NewGuid(), Guid.NewGuid());

        var plan = Plan([new DueReminder(Deadline("test:1", unknown, inactive), "7d", false)], [Person(inactive, active: false)]);

        Assert.Empty(plan.Claims);
        Assert.Empty(plan.Failures);
    }

    [Fact]
    public void FallbackParts_MoreThanAChunk_ChunksOfChunkSize()
    {
        var claims = Enumerable.Range(0, (ReminderPlanner.ChunkSize * 2) + 1).Select(_ => AnyClaim()).ToList();

        Assert.Equal([ReminderPlanner.ChunkSize, ReminderPlanner.ChunkSize, 1], ReminderPlanner.FallbackParts(claims).Select(p => p.Count));
    }

    [Fact]
    public void FallbackParts_AChunkOrFewer_OneAtATime()
    {
        var claims = Enumerable.Range(0, ReminderPlanner.ChunkSize).Select(_ => AnyClaim()).ToList();

        var parts = ReminderPlanner.FallbackParts(claims).ToList();

        Assert.Equal(ReminderPlanner.ChunkSize, parts.Count);
        Assert.Equal(claims, parts.Select(p => Assert.Single(p)));
    }

    // Any mix of deadlines, recipients (repeated), reminders given twice, channels already logged and mail turned
    // off: exactly one claim per recipient, key and channel still to send, and none of those already logged.
    [Fact]
    public void Plan_AnyDueReminders_ExactlyOneClaimPerRecipientKeyAndChannelStillToSend()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var people = ids.Select(id => Person(id)).ToList();
        var reminder = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 5].Array[0, 5], Gen.OneOfConst("7d", "1d"), Gen.Bool)
            .Select((key, recipients, offset, overdue) =>
                new DueReminder(Deadline($"test:{key}", [.. recipients.Select(r => ids[r])]) with { DueAt = Due.AddDays(key) }, offset, overdue));
        var logged = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 5], Gen.OneOfConst("7d", "1d"), Gen.OneOfConst(Channels.App, Channels.Mail))
            .Select((key, r, offset, channel) => new ReminderKey($"test:{key}", Due.AddDays(key).UtcTicks, ids[r], offset, channel));

        Gen.Select(reminder.Array[0, 8], logged.Array[0, 10], Gen.Int[0, 5].Array[0, 3]).Sample((due, done, mailOff) =>
        {
            var preferences = mailOff.Distinct().ToDictionary(i => ids[i], i => new NotificationPreference { PersonId = ids[i], EmailEnabled = false });
            var doneSet = done.ToHashSet();

            var claims = Plan(due, people, doneSet, preferences).Claims.Select(Key).ToList();

            var expected = due
                .SelectMany(r => r.Deadline.RecipientPersonIds.SelectMany(p => new[] { Channels.App, Channels.Mail }
                    .Where(c => c == Channels.App || !preferences.ContainsKey(p))
                    .Select(c => new ReminderKey(r.Deadline.Key, r.Deadline.DueAt.UtcTicks, p, r.Offset, c))))
                .Where(k => !doneSet.Contains(k))
                .ToHashSet();
            Assert.Equal(claims.Count, claims.Distinct().Count());
            Assert.True(expected.SetEquals(claims));
        });
    }
}
