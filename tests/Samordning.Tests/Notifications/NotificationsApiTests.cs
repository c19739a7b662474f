using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Notifications.Contracts;
using Samordning.Notifications.Data;
using Samordning.Shared.Deadlines;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Notifications;

// The pages and the API around the sweep: a person's own list and header count, preferences, the coordinators'
// view with "send a reminder now", the pickup folder and the contract other modules call.
public sealed class NotificationsApiTests
{
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Deadline Due(string key, int days, params Guid[] recipients) =>
        new(key, "test", new($"Frist {key}", $"Deadline {key}"), Morning.AddDays(days).AddHours(4), "/arbeidsstrommer/runder/7", recipients);

    private sealed record List(int Unread, IReadOnlyList<Item> Items);

    private sealed record Item(Guid Id, string Title, string Link, bool Read);

    [Fact]
    public async Task Notifications_AfterSweep_OwnListPageAndHeaderCount()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = await harness.AddPersonAsync("Liv Leser", "liv@kd.example.no");
        var other = await harness.AddPersonAsync("Annen Person", "annen@kd.example.no");
        harness.Deadlines.Add(Due("a", 7, person));
        await harness.SweepAsync(Ct);

        var client = harness.Factory.CreateClientAs("liv@kd.example.no");
        var list = await client.GetFromJsonAsync<List>("/api/notifications", Ct);
        var item = Assert.Single(list!.Items);
        Assert.Equal(1, list.Unread);
        Assert.Contains("Frist a", item.Title, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/varsler", Ct);
        Assert.Contains("Frist a", page, StringComparison.Ordinal);
        Assert.Contains("data-badge-topic=\"user:" + person + "\"", page, StringComparison.Ordinal);
        // The pill draws data-count (Designsystemet); the number inside it would show beside the pill.
        Assert.Contains("data-count=\"1\" data-badge-count aria-hidden=\"true\"></span>", page, StringComparison.Ordinal);
        Assert.Contains("data-badge-count-text> 1</span>", page, StringComparison.Ordinal);

        var others = await harness.Factory.CreateClientAs("annen@kd.example.no").GetFromJsonAsync<List>("/api/notifications", Ct);
        Assert.Empty(others!.Items);
        var foreign = await harness.Factory.CreateClientAs("annen@kd.example.no").PostAsync($"/api/notifications/{item.Id}/read", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var read = await client.PostAsync($"/api/notifications/{item.Id}/read", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(0, await client.GetFromJsonAsync<int>("/api/notifications/unread-count", Ct));
        Assert.NotEqual(Guid.Empty, other);
    }

    [Fact]
    public async Task Preferences_EmailOff_InAppOnly_DigestOn_OneMailForTwoReminders()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var quiet = await harness.AddPersonAsync("Stille", "quiet@fin.example.no");
        var digest = await harness.AddPersonAsync("Samle", "digest@fin.example.no", language: "en");
        var off = await harness.Factory.CreateClientAs("quiet@fin.example.no").PutAsJsonAsync("/api/notifications/preferences", new { emailEnabled = false, dailyDigest = false }, Ct);
        var on = await harness.Factory.CreateClientAs("digest@fin.example.no").PutAsJsonAsync("/api/notifications/preferences", new { emailEnabled = true, dailyDigest = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        harness.Deadlines.Add(Due("one", 7, quiet, digest));
        harness.Deadlines.Add(Due("two", 2, quiet, digest));

        await harness.SweepAsync(Ct);
        await harness.SweepAsync(Ct);

        Assert.Empty(harness.Smtp.MessagesTo("quiet@fin.example.no"));
        Assert.Equal(2, await harness.QueryAsync(db => db.Notifications.CountAsync(n => n.PersonId == quiet, Ct)));
        var mail = Assert.Single(harness.Smtp.MessagesTo("digest@fin.example.no"));
        Assert.Contains("Deadline one", mail, StringComparison.Ordinal);
        Assert.Contains("Deadline two", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preferences_Missing_FieldErrors()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        await harness.AddPersonAsync("Feil Felt", "fields@fin.example.no");

        var response = await harness.Factory.CreateClientAs("fields@fin.example.no").PutAsJsonAsync("/api/notifications/preferences", new { emailEnabled = true }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DailyDigest", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendNow_Coordinator_SendsOncePerToken_OthersForbidden()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = await harness.AddPersonAsync("Nå Mottaker", "now@kd.example.no");
        harness.Deadlines.Add(Due("later", 30, person));
        var token = Guid.NewGuid();
        var coordinator = harness.Factory.CreateClientAs(People.Coordinator);

        var first = await coordinator.PostAsJsonAsync("/api/notifications/reminders/send-now", new { deadlineKey = "later", token }, Ct);
        var again = await coordinator.PostAsJsonAsync("/api/notifications/reminders/send-now", new { deadlineKey = "later", token }, Ct);
        var unknown = await coordinator.PostAsJsonAsync("/api/notifications/reminders/send-now", new { deadlineKey = "nope", token }, Ct);
        var contact = await harness.Factory.CreateClientAs(People.ContactPersonFin).PostAsJsonAsync("/api/notifications/reminders/send-now", new { deadlineKey = "later", token = Guid.NewGuid() }, Ct);
        await harness.SweepAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, contact.StatusCode);
        Assert.Single(harness.Smtp.MessagesTo("now@kd.example.no"));
        var page = await coordinator.GetStringAsync("/varsler/utsendelser", Ct);
        Assert.Contains("Nå Mottaker", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_FailedMail_VisibleToAdministrators()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var rejected = await harness.AddPersonAsync("Avvist", "reject.me@fin.example.no");
        harness.Deadlines.Add(Due("rejected", 7, rejected));
        await harness.SweepAsync(Ct);

        var page = await harness.Factory.CreateClientAs(People.Administrator).GetAsync("/varsler/utsendelser", Ct);
        var observer = await harness.Factory.CreateClientAs(People.Observer).GetAsync("/varsler/utsendelser", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("reject.me@fin.example.no", html, StringComparison.Ordinal);
        Assert.Contains("550", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, observer.StatusCode);
    }

    [Fact]
    public async Task NoSmtpConfigured_MailInPickupFolder_AndStillInTheApp()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning, settings: new Dictionary<string, string?> { ["Modules:Notifications:Smtp:Host"] = "" });
        var factory = harness.Factory;
        await using var scope = factory.Services.CreateAsyncScope();
        var person = await harness.AddPersonAsync("Pickup", "pickup@kd.example.no");
        harness.Deadlines.Add(Due("pickup", 7, person));

        await harness.SweepAsync(Ct);

        var files = Directory.GetFiles(Path.Combine(factory.DataFolder, "mail-pickup"), "*.eml");
        var eml = await File.ReadAllTextAsync(Assert.Single(files), Ct);
        Assert.Contains("pickup@kd.example.no", eml, StringComparison.Ordinal);
        Assert.True(await harness.QueryAsync(db => db.Notifications.AnyAsync(n => n.PersonId == person, Ct)));
        Assert.Empty(harness.Smtp.Messages());
    }

    [Fact]
    public async Task NotificationSender_SameKeyTwice_OneMailOneNotification()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning);
        var person = await harness.AddPersonAsync("Kvittering", "receipt@kd.example.no");
        for (var i = 0; i < 2; i++)
        {
            await using var scope = harness.Factory.Services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
            await sender.QueueMailAsync(new OutgoingMail("feedback.receipt:1", "receipt@kd.example.no", "Kvittering", "Kvittering", "Takk for innspillet."), Ct);
            await sender.NotifyAsync(new PersonNotification("feedback.receipt:1", person, new("Takk", "Thanks"), "/x"), Ct);
        }

        await harness.SweepAsync(Ct);

        Assert.Single(harness.Smtp.MessagesTo("receipt@kd.example.no"));
        Assert.Equal(1, await harness.QueryAsync(db => db.Notifications.CountAsync(n => n.PersonId == person, Ct)));
        Assert.Equal(MailState.Sent, (await harness.QueryAsync(db => db.Mail.SingleAsync(Ct))).State);
    }
}
