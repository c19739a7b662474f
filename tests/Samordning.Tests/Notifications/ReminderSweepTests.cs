using Samordning.Notifications.Data;
using Samordning.Notifications.Sweep;
using Microsoft.EntityFrameworkCore;
using Samordning.Shared.Deadlines;

namespace Samordning.Tests.Notifications;

// The sweep end to end against a real SMTP server: what is due goes out once, whatever happens to the sweep.
public sealed class ReminderSweepTests
{
    // Monday 7 June 2027, 08:05 in Oslo (summer time): within sending hours.
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Deadline DueInSevenDays(string key, params Guid[] recipients) =>
        new(key, "test", new("Innspill til kapittel 5", "Input to chapter 5"), Morning.AddDays(7).AddHours(4), "/arbeidsstrommer/runder/1", recipients);

    [Fact]
    public async Task Sweep_DueReminder_ArrivesOnceByMailAndInApp()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = await harness.AddPersonAsync("Åse Øvrebø", "ase@fin.example.no");
        harness.Deadlines.Add(DueInSevenDays("test:1", person));

        await harness.SweepAsync(Ct);
        await harness.SweepAsync(Ct);

        var mail = Assert.Single(harness.Smtp.MessagesTo("ase@fin.example.no"));
        Assert.Contains("Innspill til kapittel 5", mail, StringComparison.Ordinal);
        Assert.Contains($"{NotificationsHarness.BaseUrl}/arbeidsstrommer/runder/1", mail, StringComparison.Ordinal);
        var notifications = await harness.QueryAsync(db => db.Notifications.Where(n => n.PersonId == person).ToListAsync(Ct));
        Assert.Single(notifications);
        var log = await harness.QueryAsync(db => db.ReminderLog.Where(e => e.RecipientId == person).ToListAsync(Ct));
        Assert.Equal(["app", "mail"], log.Select(e => e.Channel).Order());
        Assert.All(log, e => Assert.Equal("7d", e.Offset));
    }

    [Fact]
    public async Task Sweep_TwoAtOnce_EachReminderSentOnce()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            people.Add(await harness.AddPersonAsync($"Person {i}", $"person{i}@kd.example.no"));
        }

        harness.Deadlines.Add(DueInSevenDays("test:concurrent", [.. people]));

        await Task.WhenAll(harness.SweepAsync(Ct), harness.SweepAsync(Ct));
        await harness.SweepAsync(Ct);

        for (var i = 0; i < 6; i++)
        {
            Assert.Single(harness.Smtp.MessagesTo($"person{i}@kd.example.no"));
        }

        Assert.Equal(6, await harness.QueryAsync(db => db.Notifications.CountAsync(Ct)));
        Assert.Equal(12, await harness.QueryAsync(db => db.ReminderLog.CountAsync(Ct)));
    }

    [Fact]
    public async Task Sweep_ManyDeadlinesTwoAtOnce_EachReminderOnceAcrossChunks()
    {
        // More deadlines than one chunk of the sender, claimed by two sweeps at once: the second mostly meets rows
        // the first claimed and falls back to one row at a time. In-app only, so no mail has to be delivered.
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var people = new[] { await harness.AddPersonAsync("Mange Frister", "many@kd.example.no"), await harness.AddPersonAsync("Flere Frister", "more@kd.example.no") };
        await harness.QueryAsync(async db =>
        {
            db.Preferences.AddRange(people.Select(p => new NotificationPreference { PersonId = p, EmailEnabled = false }));
            return await db.SaveChangesAsync(Ct);
        });
        var deadlines = (ReminderSender.ChunkSize * 2) + 100;
        for (var i = 0; i < deadlines; i++)
        {
            harness.Deadlines.Add(DueInSevenDays($"test:many:{i}", people));
        }

        await Task.WhenAll(harness.SweepAsync(Ct), harness.SweepAsync(Ct));
        await harness.SweepAsync(Ct);

        Assert.Equal(deadlines * 2, await harness.QueryAsync(db => db.Notifications.CountAsync(Ct)));
        Assert.Equal(deadlines * 2, await harness.QueryAsync(db => db.ReminderLog.CountAsync(e => e.Channel == Channels.App, Ct)));
        Assert.False(await harness.QueryAsync(db => db.ReminderLog.AnyAsync(e => e.Channel == Channels.Mail, Ct)));
        Assert.Empty(harness.Smtp.Messages());
    }

    [Fact]
    public async Task Sweep_StoppedAfterTwoMails_RestartSendsTheRestOnce()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var people = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await harness.AddPersonAsync($"Person {i}", $"p{i}@hod.example.no"));
        }

        harness.Deadlines.Add(DueInSevenDays("test:killed", [.. people]));
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        harness.Transport.AfterSend = sent =>
        {
            if (sent == 2)
            {
                kill.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.SweepAsync(kill.Token));
        Assert.Equal(2, harness.Smtp.Messages().Count);

        harness.Transport.AfterSend = null;
        await harness.SweepAsync(Ct);
        await harness.SweepAsync(Ct);

        for (var i = 0; i < 5; i++)
        {
            Assert.Single(harness.Smtp.MessagesTo($"p{i}@hod.example.no"));
        }
    }

    [Fact]
    public async Task Sweep_SmtpDownThenUp_InAppAtOnceAndMailOnceAfterRecovery()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning, smtpUp: false);
        var person = await harness.AddPersonAsync("Ola Nedetid", "ola@kd.example.no");
        harness.Deadlines.Add(DueInSevenDays("test:down", person));

        await harness.SweepAsync(Ct);

        Assert.Single(await harness.QueryAsync(db => db.Notifications.Where(n => n.PersonId == person).ToListAsync(Ct)));
        var pending = await harness.QueryAsync(db => db.Mail.SingleAsync(Ct));
        Assert.Equal(MailState.Pending, pending.State);
        Assert.NotNull(pending.LastError);

        await harness.Smtp.StartServerAsync();
        await harness.SweepAsync(Ct);
        Assert.Empty(harness.Smtp.Messages()); // still waiting for its back-off

        harness.Clock.UtcNow = harness.Clock.UtcNow.AddMinutes(2);
        await harness.SweepAsync(Ct);
        await harness.SweepAsync(Ct);

        Assert.Single(harness.Smtp.MessagesTo("ola@kd.example.no"));
        var sent = await harness.QueryAsync(db => db.Mail.SingleAsync(Ct));
        Assert.Equal(MailState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Sweep_BadRecipients_OthersStillGetTheirMail()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var good = await harness.AddPersonAsync("God Mottaker", "good@fin.example.no");
        var rejected = await harness.AddPersonAsync("Avvist", "reject@fin.example.no");
        var busy = await harness.AddPersonAsync("Opptatt", "busy@fin.example.no");
        var hanging = await harness.AddPersonAsync("Henger", "hang@fin.example.no");
        var invalid = await harness.AddPersonAsync("Ugyldig", "not an address");
        var inactive = await harness.AddPersonAsync("Sluttet", "gone@fin.example.no", active: false);
        var unknown = Guid.NewGuid();
        harness.Deadlines.Add(DueInSevenDays("test:bad", hanging, rejected, invalid, unknown, inactive, busy, good));

        await harness.SweepAsync(Ct);

        Assert.Single(harness.Smtp.MessagesTo("good@fin.example.no"));
        Assert.Single(harness.Smtp.Messages());
        var mail = await harness.QueryAsync(db => db.Mail.ToDictionaryAsync(m => m.ToAddress, Ct));
        Assert.Equal(MailState.Failed, mail["reject@fin.example.no"].State);
        Assert.Equal(MailState.Pending, mail["busy@fin.example.no"].State);
        Assert.Equal(MailState.Pending, mail["hang@fin.example.no"].State);
        Assert.Contains("Timed out", mail["hang@fin.example.no"].LastError, StringComparison.OrdinalIgnoreCase);
        var invalidLog = await harness.QueryAsync(db => db.ReminderLog.SingleAsync(e => e.RecipientId == invalid && e.Channel == Channels.Mail, Ct));
        Assert.Equal(ReminderState.Failed, invalidLog.State);
        Assert.False(await harness.QueryAsync(db => db.ReminderLog.AnyAsync(e => e.RecipientId == inactive || e.RecipientId == unknown, Ct)));
        // The person with an invalid address still gets the in-app notification.
        Assert.True(await harness.QueryAsync(db => db.Notifications.AnyAsync(n => n.PersonId == invalid, Ct)));
    }

    [Fact]
    public async Task Sweep_DeadlineMoved_RemindsForTheNewDate()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = await harness.AddPersonAsync("Flytt Frist", "moved@kd.example.no");
        var deadline = DueInSevenDays("test:moved", person);
        harness.Deadlines.Add(deadline);
        await harness.SweepAsync(Ct);

        harness.Deadlines.Replace(deadline with { DueAt = deadline.DueAt.AddDays(-1) });
        await harness.SweepAsync(Ct);
        await harness.SweepAsync(Ct);

        Assert.Equal(2, harness.Smtp.MessagesTo("moved@kd.example.no").Count);
        var offsets = await harness.QueryAsync(db => db.ReminderLog.Where(e => e.Channel == Channels.Mail).Select(e => e.Offset).ToListAsync(Ct));
        Assert.Equal(["7d", "7d"], offsets);
    }

    [Fact]
    public async Task Sweep_AcrossEasterAndSummerTime_FiresOnTheRightMornings()
    {
        // Wednesday 31 March 2027 at 12:00 in Oslo. Easter Sunday is 28 March and summer time starts that night,
        // so two working days before is Wednesday 24 March (Thursday 25 to Monday 29 are holidays or weekend).
        var due = new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.FromHours(2));
        await using var harness = await NotificationsHarness.StartAsync(
            new DateTimeOffset(2027, 3, 24, 6, 59, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string?> { ["Modules:Notifications:Policies:easter-test:0"] = "2wd", ["Modules:Notifications:Policies:easter-test:1"] = "0d" });
        var person = await harness.AddPersonAsync("Påske Frist", "easter@kd.example.no");
        harness.Deadlines.Add(new Deadline("test:easter", "easter-test", new("Påskefrist", "Easter deadline"), due, "/x", [person]));

        async Task<List<string>> SweepAtAsync(DateTimeOffset utc)
        {
            harness.Clock.UtcNow = utc;
            await harness.SweepAsync(Ct);
            return await harness.QueryAsync(db => db.ReminderLog.Where(e => e.Channel == Channels.Mail).OrderBy(e => e.ClaimedAt).Select(e => e.Offset).ToListAsync(Ct));
        }

        Assert.Empty(await SweepAtAsync(new DateTimeOffset(2027, 3, 24, 6, 59, 0, TimeSpan.Zero)));   // 07:59 winter time
        Assert.Equal(["2wd"], await SweepAtAsync(new DateTimeOffset(2027, 3, 24, 7, 0, 0, TimeSpan.Zero)));  // 08:00 winter time
        Assert.Equal(["2wd"], await SweepAtAsync(new DateTimeOffset(2027, 3, 30, 7, 0, 0, TimeSpan.Zero)));
        Assert.Equal(["2wd"], await SweepAtAsync(new DateTimeOffset(2027, 3, 31, 5, 59, 0, TimeSpan.Zero))); // 07:59 summer time
        Assert.Equal(["2wd", "0d"], await SweepAtAsync(new DateTimeOffset(2027, 3, 31, 6, 0, 0, TimeSpan.Zero))); // 08:00 summer time
        Assert.Equal(2, harness.Smtp.MessagesTo("easter@kd.example.no").Count);
    }
}
