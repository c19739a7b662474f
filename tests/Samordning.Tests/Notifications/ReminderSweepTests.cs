using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Notifications.Data;
using Samordning.Notifications.InApp;
using Samordning.Notifications.Sweep;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Live;
using Samordning.Shared.Persistence;

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
        var people = await harness.AddPeopleAsync(6, "person{0}@kd.example.no");

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
        // More claims than one fallback chunk of the sender, by two sweeps at once: whichever stores second meets
        // the rows the other claimed and skips them. In-app only, so no mail has to be delivered.
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var people = new[] { await harness.AddPersonAsync("Mange Frister", "many@kd.example.no"), await harness.AddPersonAsync("Flere Frister", "more@kd.example.no") };
        await harness.QueryAsync(async db =>
        {
            db.Preferences.AddRange(people.Select(p => new NotificationPreference { PersonId = p, EmailEnabled = false }));
            return await db.SaveChangesAsync(Ct);
        });
        var deadlines = (ReminderPlanner.ChunkSize * 2) + 100;
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
        var people = await harness.AddPeopleAsync(5, "p{0}@hod.example.no");

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

    // How the sweep stores its claims on SQLite (BulkInserts, one prepared statement per table instead of
    // SaveChanges): the rows exactly as SaveChanges stores them, a claim whose log row someone else stored in the
    // meantime skipped whole, all or nothing otherwise, and a transaction that fails falls back to smaller parts.
    // Also the sweep's live pushes.
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task BulkInserts_EveryColumn_StoredAsSaveChangesStoresIt()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var rows = Rows(Guid.NewGuid());
        Assert.Empty(await harness.QueryAsync(RawAsync));

        var bySaveChanges = await harness.QueryAsync(async db =>
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(Ct);
            return await RawAsync(db);
        });
        await harness.QueryAsync(async db => await db.ReminderLog.ExecuteDeleteAsync(Ct) + await db.Mail.ExecuteDeleteAsync(Ct) + await db.Notifications.ExecuteDeleteAsync(Ct));
        var byInserts = await harness.QueryAsync(async db =>
        {
            var stored = await BulkInserts.InsertAsync(db, [[rows[0]], [rows[1], rows[2]], [rows[3]], [rows[4]]], Ct);
            Assert.All(stored, Assert.True);
            return await RawAsync(db);
        });

        // Column by column, storage class and value (Guids as text, instants as ticks in UTC, enums as names).
        Assert.Equal(5, bySaveChanges.Count);
        Assert.Equal(bySaveChanges, byInserts);

        // And EF reads back what was written: the same instants, in UTC (SqliteInstants), and every other value as it was.
        var read = await harness.QueryAsync(async db => new object[]
        {
            await db.ReminderLog.AsNoTracking().OrderBy(e => e.Title).ToListAsync(Ct),
            await db.Mail.AsNoTracking().ToListAsync(Ct),
            await db.Notifications.AsNoTracking().OrderBy(n => n.Key).ToListAsync(Ct),
        });
        object[] written =
        [
            rows.OfType<ReminderLogEntry>().OrderBy(e => e.Title, StringComparer.Ordinal).ToList(),
            rows.OfType<MailMessage>().ToList(),
            rows.OfType<Notification>().OrderBy(n => n.Key, StringComparer.Ordinal).ToList(),
        ];
        Assert.Equal(JsonSerializer.Serialize(written, InstantsInUtc), JsonSerializer.Serialize(read, InstantsInUtc));
    }

    private static readonly JsonSerializerOptions InstantsInUtc = new() { Converters = { new UtcInstantJson() } };

    private sealed class UtcInstantJson : System.Text.Json.Serialization.JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUniversalTime());
    }

    // The seam on whichever provider the suite runs (binary COPY on PostgreSQL, SaveChanges on SQL Server): EF reads
    // back from the bulk insert exactly what it reads back from SaveChanges of the same rows, and storing them again
    // stores nothing (servers: one unique violation for the whole call; SQLite: every group skipped).
    [Fact]
    public async Task BulkInserts_OnTheRunsProvider_ReadBackAsFromSaveChangesAndAgainStoresNothing()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var rows = Rows(Guid.NewGuid());
        var bySaveChanges = await harness.QueryAsync(async db =>
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(Ct);
            db.ChangeTracker.Clear();
            return await ReadBackAsync(db);
        });
        await harness.QueryAsync(async db => await db.ReminderLog.ExecuteDeleteAsync(Ct) + await db.Mail.ExecuteDeleteAsync(Ct) + await db.Notifications.ExecuteDeleteAsync(Ct));

        var stored = await harness.QueryAsync(db => BulkInserts.InsertAsync(db, [[rows[0]], [rows[1], rows[2]], [rows[3]], [rows[4]]], Ct));
        var byInserts = await harness.QueryAsync(ReadBackAsync);

        Assert.All(stored, Assert.True);
        Assert.Equal(bySaveChanges, byInserts);
        var again = await harness.QueryAsync(async db =>
        {
            try
            {
                return (Stored: await BulkInserts.InsertAsync(db, [[rows[0]], [rows[3]], [rows[4]]], Ct), Failure: (DbUpdateException?)null);
            }
            catch (DbUpdateException e)
            {
                return (Stored: (bool[]?)null, Failure: e);
            }
        });
        if (again.Failure is { } failure)
        {
            Assert.True(UniqueViolation.Is(failure), failure.ToString());
        }
        else
        {
            Assert.Equal([false, false, false], again.Stored!);
        }

        Assert.Equal(byInserts, await harness.QueryAsync(ReadBackAsync));
    }

    private static async Task<string> ReadBackAsync(NotificationsDbContext db) => JsonSerializer.Serialize(new object[]
    {
        await db.ReminderLog.AsNoTracking().OrderBy(e => e.Title).ToListAsync(Ct),
        await db.Mail.AsNoTracking().OrderBy(m => m.Key).ToListAsync(Ct),
        await db.Notifications.AsNoTracking().OrderBy(n => n.Key).ToListAsync(Ct),
    });

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task BulkInserts_GroupWhoseFirstRowIsStored_SkippedWholeAndTheOthersStored()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = Guid.NewGuid();
        var taken = Entry("test:taken", "7d", ReminderState.Queued);
        await harness.QueryAsync(async db =>
        {
            db.ReminderLog.Add(taken);
            return await db.SaveChangesAsync(Ct);
        });

        // The same log key (deadline, due, recipient, offset, channel), claimed again.
        var again = Entry("test:taken", "7d", ReminderState.Queued);
        again.RecipientId = taken.RecipientId;
        var stored = await harness.QueryAsync(db => BulkInserts.InsertAsync(db,
            [
                [Entry("test:free", "7d", ReminderState.Queued), Notification(person, "n:free", null)],
                [again, Notification(person, "n:taken", null)],
            ], Ct));

        Assert.Equal([true, false], stored);
        Assert.Equal(["test:free", "test:taken"], await harness.QueryAsync(db => db.ReminderLog.Select(e => e.DeadlineKey).Order().ToListAsync(Ct)));
        Assert.Equal(["n:free"], await harness.QueryAsync(db => db.Notifications.Select(n => n.Key).ToListAsync(Ct)));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task BulkInserts_UniqueViolation_StoresNothingAndTheContextSavesAfterwards()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = Guid.NewGuid();
        await harness.QueryAsync(async db =>
        {
            db.Notifications.Add(Notification(person, "taken", null));
            return await db.SaveChangesAsync(Ct);
        });
        var entry = Entry("test:unique", "7d", ReminderState.Queued);

        var failure = await harness.QueryAsync(async db =>
        {
            var thrown = await Assert.ThrowsAsync<DbUpdateException>(() =>
                BulkInserts.InsertAsync(db, [[entry, Notification(person, "free", null), Notification(person, "taken", null)]], Ct));

            // The transaction is gone and the connection closed: the next save of the same context commits.
            db.ReminderLog.Add(Entry("test:after", "7d", ReminderState.Queued));
            await db.SaveChangesAsync(Ct);
            return thrown;
        });

        Assert.True(UniqueViolation.Is(failure));
        Assert.Equal(["test:after"], await harness.QueryAsync(db => db.ReminderLog.Select(e => e.DeadlineKey).ToListAsync(Ct)));
        Assert.Equal(["taken"], await harness.QueryAsync(db => db.Notifications.Select(n => n.Key).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Sweep_AnotherSweepClaimsOneRowInBetween_EachIsSentOnce()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var active = await harness.AddPeopleAsync(8, "raced{0}@kd.example.no");

        var inactive = await harness.AddPersonAsync("Sluttet", "gone@kd.example.no", active: false);
        var deadline = DueInSevenDays("test:raced", [.. active, inactive, Guid.NewGuid()]);
        harness.Deadlines.Add(deadline);

        // After the sweep has read the reminder log and before it inserts, another sweep claims one in-app reminder.
        var raced = active[3];
        var other = 0;
        harness.BeforePersonLookup = async id =>
        {
            if (id == raced && Interlocked.Exchange(ref other, 1) == 0)
            {
                await harness.QueryAsync(async db =>
                {
                    var entry = Entry(deadline.Key, "7d", ReminderState.Queued);
                    (entry.DueAt, entry.RecipientId, entry.Channel) = (deadline.DueAt, raced, Channels.App);
                    db.ReminderLog.Add(entry);
                    db.Notifications.Add(Notification(raced, $"reminder:{deadline.Key}:{deadline.DueAt.UtcTicks}:7d", null, "Fra den andre"));
                    return await db.SaveChangesAsync(Ct);
                });
            }
        };

        await harness.SweepAsync(Ct);
        harness.BeforePersonLookup = null;
        await harness.SweepAsync(Ct);

        Assert.Equal(1, other);
        Assert.Equal(8, harness.Smtp.Messages().Count);
        for (var i = 0; i < 8; i++)
        {
            Assert.Single(harness.Smtp.MessagesTo($"raced{i}@kd.example.no"));
        }

        var notifications = await harness.QueryAsync(db => db.Notifications.ToListAsync(Ct));
        Assert.Equal(active.Order(), notifications.Select(n => n.PersonId).Order());
        Assert.Equal("Fra den andre", notifications.Single(n => n.PersonId == raced).TitleNb);
        var log = await harness.QueryAsync(db => db.ReminderLog.ToListAsync(Ct));
        Assert.Equal(active.Order(), log.Where(e => e.Channel == Channels.App).Select(e => e.RecipientId).Order());
        Assert.Equal(active.Order(), log.Where(e => e.Channel == Channels.Mail).Select(e => e.RecipientId).Order());
    }

    [Fact]
    public async Task Sweep_LivePushes_OnePerPersonWithTheirOwnUnreadCount()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var busy = await harness.AddPersonAsync("Mye Ulest", "busy@kd.example.no");
        var fresh = await harness.AddPersonAsync("Ingen Uleste", "fresh@kd.example.no");
        await harness.QueryAsync(async db =>
        {
            db.Preferences.AddRange(new NotificationPreference { PersonId = busy, EmailEnabled = false }, new NotificationPreference { PersonId = fresh, EmailEnabled = false });
            db.Notifications.AddRange(Notification(busy, "old:1", null), Notification(busy, "old:2", null), Notification(busy, "old:3", Morning.AddDays(-1)));
            return await db.SaveChangesAsync(Ct);
        });
        harness.Deadlines.Add(DueInSevenDays("test:live:1", busy, fresh));
        harness.Deadlines.Add(DueInSevenDays("test:live:2", busy));

        await harness.SweepAsync(Ct);

        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var live = scope.ServiceProvider.GetRequiredService<ILiveUpdates>();
        async Task<int> UnreadPushedAsync(Guid person)
        {
            var item = Assert.Single(await live.GetAfterAsync(LiveNotifications.Topic(person), 0, 100, Ct));
            Assert.Equal(LiveNotifications.Type, item.Type);
            return JsonDocument.Parse(item.Payload).RootElement.GetProperty("unread").GetInt32();
        }

        Assert.Equal(4, await UnreadPushedAsync(busy));
        Assert.Equal(1, await UnreadPushedAsync(fresh));
    }

    // Every column of the three tables, non-null and null where it may be, offsets other than UTC, text beyond ASCII.
    private static List<object> Rows(Guid person)
    {
        var digest = Entry("test:columns", "7d", ReminderState.AwaitingDigest);
        digest.Error = "Ugyldig e-postadresse – «æøå»";
        var failed = Entry("test:columns", "1wd", ReminderState.Failed);
        failed.MailKey = "reminder:test:columns:1wd";
        var mail = new MailMessage
        {
            Key = "reminder:test:columns",
            ToAddress = "ase@fin.example.no",
            Subject = "Påminnelse: Innspill – frist 14. juni",
            TextBody = "Hei Åse,\n\nFristen …",
            CreatedAt = Morning,
            State = MailState.Sending,
            Attempts = 3,
            NextAttemptAt = Morning.AddMinutes(4).ToOffset(TimeSpan.FromHours(-5)),
            LeasedUntil = Morning.AddMinutes(2),
            LastError = "421 busy",
        };
        return [digest, failed, mail, Notification(person, "n:unread", null), Notification(person, "n:read", Morning.AddHours(1).ToUniversalTime())];
    }

    private static ReminderLogEntry Entry(string key, string offset, ReminderState state) => new()
    {
        DeadlineKey = key,
        DueAt = Morning.AddDays(7).AddHours(4),
        RecipientId = Guid.NewGuid(),
        Offset = offset,
        Channel = Channels.Mail,
        Kind = "test",
        Title = $"Innspill {offset} – «kapittel 5»",
        TitleEn = "Input",
        Link = "/arbeidsstrommer/runder/1",
        RecipientName = "Åse Øvrebø",
        ClaimedAt = Morning.ToUniversalTime(),
        State = state,
    };

    private static Notification Notification(Guid person, string key, DateTimeOffset? readAt, string title = "Frist") => new()
    {
        Key = key,
        PersonId = person,
        TitleNb = title,
        TitleEn = "Due",
        Link = "/x",
        CreatedAt = Morning,
        ReadAt = readAt,
    };

    // The three tables as SQLite holds them: each row as "column=storage class:value", ordered by id.
    private static async Task<List<string>> RawAsync(NotificationsDbContext db)
    {
        var rows = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            foreach (var table in new[] { "ReminderLog", "Mail", "Notifications" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
                await using var reader = await command.ExecuteReaderAsync(Ct);
                while (await reader.ReadAsync(Ct))
                {
                    rows.Add(string.Join("; ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                    {
                        byte[] blob => $"{reader.GetName(i)}=blob:{Convert.ToHexString(blob)}",
                        var value => string.Create(CultureInfo.InvariantCulture, $"{reader.GetName(i)}={value.GetType().Name}:{value}"),
                    })));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rows;
    }
}
