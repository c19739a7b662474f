using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Notifications.Data;
using Samordning.Notifications.Rules;
using Samordning.Shared.Deadlines;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Notifications;

// Reminder rules set by coordinators on /varsler/paminnelsesregler and through the API: versioned, audited, for
// coordinators only, and used by the next sweep. Each test changes its own kind of deadline.
public sealed partial class ReminderRulesTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string Api = "/api/notifications/reminder-policies";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_AfterCoordinatorSavedPolicy_RemindsByIt()
    {
        // Monday 7 June 2027, 09:05 in Oslo; due Thursday at 16:00. Configured (7d, 2wd, 0d, overdue), the 7-day
        // reminder would be the one due now; the saved rule (3 days before, at 09:00) makes it the 3-day one.
        await using var harness = await NotificationsHarness.StartAsync(new DateTimeOffset(2027, 6, 7, 9, 5, 0, TimeSpan.FromHours(2)));
        var person = await harness.AddPersonAsync("Rita Regel", "rita@kd.example.no");
        harness.Deadlines.Add(new Deadline("test:rule", "test", new("Frist med regel", "Deadline with a rule"), new DateTimeOffset(2027, 6, 10, 16, 0, 0, TimeSpan.FromHours(2)), "/varsler", [person]));
        var coordinator = harness.Factory.CreateClientAs(People.Coordinator);

        var before = await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/test", Ct);
        var saved = await Problem.ReadOkAsync<ReminderPolicyView>(
            await coordinator.PutAsJsonAsync($"{Api}/test", new ReminderPolicyRequest("3", false, false, 9, before!.Version), Ct), HttpStatusCode.OK, Ct);
        await harness.SweepAsync(Ct);

        Assert.False(before.Stored);
        Assert.Equal(0, before.Version);
        Assert.Equal(["7d", "2wd", "0d", "overdue"], before.Effective);
        Assert.Equal((true, 1L), (saved.Stored, saved.Version));
        Assert.Equal(["3d"], saved.Effective);
        var log = await harness.QueryAsync(db => db.ReminderLog.Where(e => e.RecipientId == person).ToListAsync(Ct));
        Assert.NotEmpty(log);
        Assert.All(log, e => Assert.Equal("3d", e.Offset));
    }

    [Fact]
    public async Task Put_StaleVersion_ConflictWithTheCurrentPolicy()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var read = (await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/input-round", Ct))!;
        await Problem.ReadOkAsync<ReminderPolicyView>(
            await coordinator.PutAsJsonAsync($"{Api}/input-round", new ReminderPolicyRequest("14, 7", true, true, 8, read.Version), Ct), HttpStatusCode.OK, Ct);

        var stale = await coordinator.PutAsJsonAsync($"{Api}/input-round", new ReminderPolicyRequest("1", false, false, 10, read.Version), Ct);

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal("14, 7", problem.GetProperty("current").GetProperty("offsets").GetString());
        var now = (await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/input-round", Ct))!;
        Assert.Equal(["14wd", "7wd", "overdue"], now.Effective);
        Assert.Equal(1, now.Version);
    }

    [Fact]
    public async Task Put_Saved_AuditedInTheHistory()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var first = await Problem.ReadOkAsync<ReminderPolicyView>(
            await coordinator.PutAsJsonAsync($"{Api}/reporting-round", new ReminderPolicyRequest("10", false, false, 8, 0), Ct), HttpStatusCode.OK, Ct);
        await Problem.ReadOkAsync<ReminderPolicyView>(
            await coordinator.PutAsJsonAsync($"{Api}/reporting-round", new ReminderPolicyRequest("5, 1", true, false, 13, first.Version), Ct), HttpStatusCode.OK, Ct);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var id = await db.ReminderPolicies.Where(p => p.Kind == "reporting-round").Select(p => p.Id).SingleAsync(Ct);
        var audit = await db.AuditLog.Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(["Created", "Updated"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("Kari Nordmann", a.Actor));
        Assert.Contains("\"SendHour\":13", audit[1].After, StringComparison.Ordinal);
        var page = await coordinator.GetStringAsync("/varsler/paminnelsesregler/reporting-round/historikk", Ct);
        Assert.Contains("Klokkeslett for utsending", page, StringComparison.Ordinal);
        Assert.Contains("5, 1", page, StringComparison.Ordinal);
        Assert.Contains("/varsler/paminnelsesregler/reporting-round/historikk", await coordinator.GetStringAsync("/varsler/paminnelsesregler/reporting-round", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_ContactPersonOrAdministrator_Forbidden()
    {
        foreach (var email in new[] { People.ContactPersonFin, People.Administrator })
        {
            var client = factory.CreateClientAs(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Api}/meeting", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"{Api}/meeting", new ReminderPolicyRequest("1", false, false, 8, 0), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/varsler/paminnelsesregler", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/varsler/paminnelsesregler/meeting", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClientAs(People.Coordinator).GetAsync($"{Api}/no-such-kind", Ct)).StatusCode);
    }

    [Fact]
    public async Task Put_Invalid_ProblemDetailsNameEveryFieldInTheLanguage()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var errors = await Problem.ReadErrorsAsync(
            await client.PutAsJsonAsync($"{Api}/meeting", new ReminderPolicyRequest("7, x", null, false, 24, 0), Ct), Ct);

        Assert.Equal(["Offsets", "SendHour", "WorkingDays"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Days before the deadline: “x”", errors["Offsets"][0], StringComparison.Ordinal);
        Assert.StartsWith("Send hour", errors["SendHour"][0], StringComparison.Ordinal);
        Assert.False((await client.GetFromJsonAsync<ReminderPolicyView>($"{Api}/meeting", Ct))!.Stored);
    }

    [Fact]
    public async Task Page_WithoutScript_PreviewsShowsFieldErrorsAndSaves()
    {
        const string url = "/varsler/paminnelsesregler/meeting-action-item";
        var client = factory.CreateClientAs(People.Coordinator);
        var page = await client.GetStringAsync(url, Ct);
        Assert.Contains("data-preview", page, StringComparison.Ordinal);
        Assert.Contains("Påminnelsesregler", await client.GetStringAsync("/varsler/paminnelsesregler", Ct), StringComparison.Ordinal);

        // The preview of an example deadline on Tuesday 30 March 2027 at noon: two working days before is Tuesday 23 March
        // (Easter Monday, the weekend, Good Friday and Maundy Thursday are skipped).
        var preview = await client.PostAsync($"{url}?handler=Preview", Form(page, "2", workingDays: true, hour: "9", version: "0", example: "2027-03-30"), Ct);
        var previewed = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("23. mars 2027 kl. 09:00", previewed, StringComparison.Ordinal);
        Assert.Contains($"action=\"{url}\"", previewed, StringComparison.Ordinal);

        var invalid = await client.PostAsync(url, Form(page, "2, to", workingDays: true, hour: "25", version: "0"), Ct);
        var shown = await invalid.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("«to» er ikke et helt antall dager", shown, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_SendHour\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_SendHour\"", shown);

        var saved = await client.PostAsync(url, Form(page, "2", workingDays: true, hour: "9", version: "0"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var view = (await client.GetFromJsonAsync<ReminderPolicyView>($"{Api}/meeting-action-item", Ct))!;
        Assert.Equal((true, 9), (view.Stored, view.SendHour));
        Assert.Equal(["2wd"], view.Effective);

        // The same form again, from the version it was read at: not saved, the saved rule shown beside the form.
        var stale = await client.PostAsync(url, Form(page, "5", workingDays: false, hour: "7", version: "0"), Ct);
        var conflict = await stale.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Noen andre har endret regelen mens du skrev", conflict, StringComparison.Ordinal);
        Assert.Equal(1, (await client.GetFromJsonAsync<ReminderPolicyView>($"{Api}/meeting-action-item", Ct))!.Version);
    }

    private static FormUrlEncodedContent Form(string page, string offsets, bool workingDays, string hour, string version, string? example = null) => new(
    [
        new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value),
        new("Input.Offsets", offsets),
        new("Input.WorkingDays", workingDays ? "true" : "false"),
        new("Input.WorkingDays", "false"),
        new("Input.Overdue", "false"),
        new("Input.SendHour", hour),
        new("Input.Version", version),
        new("Input.Example", example ?? ""),
    ]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
