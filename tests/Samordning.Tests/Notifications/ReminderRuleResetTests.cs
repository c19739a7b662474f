using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Notifications.Data;
using Samordning.Notifications.Rules;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Notifications;

// "Reset to configuration" on a kind's reminder rule, through the API and the page: the stored rule stops applying
// as a new version the history keeps; a stale version is a conflict; only coordinators may. A host of its own, and
// each test its own kind of deadline, so the other rule tests' versions are not moved.
public sealed partial class ReminderRuleResetTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string Api = "/api/notifications/reminder-policies";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reset_StoredRule_ConfiguredDefaultAppliesAsNewAuditedVersion()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var configured = (await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/input-round", Ct))!;
        var saved = await PutAsync(coordinator, "input-round", new ReminderPolicyRequest("3", false, false, 9, 0));

        var reset = await Problem.ReadOkAsync<ReminderPolicyView>(
            await coordinator.PostAsJsonAsync($"{Api}/input-round/reset", new ReminderPolicyResetRequest(saved.Version), Ct), HttpStatusCode.OK, Ct);

        Assert.Equal((false, 2L), (reset.Stored, reset.Version));
        Assert.Equal(configured.Effective, reset.Effective);
        Assert.Equal(configured.SendHour, reset.SendHour);
        Assert.Equal(reset, await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/input-round", Ct), new ViewComparer());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var book = await scope.ServiceProvider.GetRequiredService<ReminderPolicies>().LoadAsync(Ct);
            Assert.False(book.IsStored("input-round"));
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var id = await db.ReminderPolicies.Where(p => p.Kind == "input-round").Select(p => p.Id).SingleAsync(Ct);
            var audit = await db.AuditLog.Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync(Ct);
            Assert.Equal(["Created", "Updated"], audit.Select(a => a.Action));
            Assert.Equal("Kari Nordmann", audit[1].Actor);
            Assert.Contains("\"FollowsConfiguration\":true", audit[1].After, StringComparison.Ordinal);
        }

        var history = await coordinator.GetStringAsync("/varsler/paminnelsesregler/input-round/historikk", Ct);
        Assert.Contains("Følger standarden fra konfigurasjonen", history, StringComparison.Ordinal);

        // A rule can be set again after a reset, from the reset's version.
        var again = await PutAsync(coordinator, "input-round", new ReminderPolicyRequest("5", false, false, 10, reset.Version));
        Assert.Equal((true, 3L), (again.Stored, again.Version));
        Assert.Equal(["5d"], again.Effective);
    }

    [Fact]
    public async Task Reset_StaleOrMissingVersion_ConflictOrFieldErrorAndRuleStillStored()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var first = await PutAsync(coordinator, "reporting-round", new ReminderPolicyRequest("10", false, false, 8, 0));
        await PutAsync(coordinator, "reporting-round", new ReminderPolicyRequest("4", false, false, 8, first.Version));

        var stale = await coordinator.PostAsJsonAsync($"{Api}/reporting-round/reset", new ReminderPolicyResetRequest(first.Version), Ct);
        var missing = await coordinator.PostAsJsonAsync($"{Api}/reporting-round/reset", new ReminderPolicyResetRequest(null), Ct);

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal("4", problem.GetProperty("current").GetProperty("offsets").GetString());
        Assert.Equal(["Version"], (await Problem.ReadErrorsAsync(missing, Ct)).Keys);
        var now = (await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/reporting-round", Ct))!;
        Assert.Equal((true, 2L), (now.Stored, now.Version));
        Assert.Equal(["4d"], now.Effective);
    }

    [Fact]
    public async Task Reset_NotCoordinator_ForbiddenAndUnknownKindNotFound()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var saved = await PutAsync(coordinator, "meeting-action-item", new ReminderPolicyRequest("2", false, false, 8, 0));
        var page = await coordinator.GetStringAsync("/varsler/paminnelsesregler/meeting-action-item", Ct);

        foreach (var email in new[] { People.ContactPersonFin, People.Administrator, People.Observer })
        {
            var client = factory.CreateClientAs(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Api}/meeting-action-item/reset", new ReminderPolicyResetRequest(saved.Version), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/varsler/paminnelsesregler/meeting-action-item?handler=Reset", ResetForm(page, saved.Version), Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync($"{Api}/no-such-kind/reset", new ReminderPolicyResetRequest(0), Ct)).StatusCode);
        Assert.True((await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/meeting-action-item", Ct))!.Stored);
    }

    [Fact]
    public async Task Page_Reset_NeedsTheFormTokenResetsAndAStalePageChangesNothing()
    {
        const string url = "/varsler/paminnelsesregler/meeting";
        var coordinator = factory.CreateClientAs(People.Coordinator);
        Assert.DoesNotContain("Tilbakestill til konfigurasjonen", await coordinator.GetStringAsync(url, Ct), StringComparison.Ordinal);
        var saved = await PutAsync(coordinator, "meeting", new ReminderPolicyRequest("6", false, false, 8, 0));
        var page = await coordinator.GetStringAsync(url, Ct);
        Assert.Contains("Tilbakestill til konfigurasjonen", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"ResetVersion\" value=\"{saved.Version}\"", page, StringComparison.Ordinal);

        var noToken = await coordinator.PostAsync($"{url}?handler=Reset", new FormUrlEncodedContent([new("ResetVersion", saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.True((await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/meeting", Ct))!.Stored);

        var reset = await coordinator.PostAsync($"{url}?handler=Reset", ResetForm(page, saved.Version), Ct);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var shown = await coordinator.GetStringAsync(reset.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Regelen er tilbakestilt.", shown, StringComparison.Ordinal);
        Assert.Contains("standard fra konfigurasjonen", shown, StringComparison.Ordinal);
        Assert.Contains("/varsler/paminnelsesregler/meeting/historikk", shown, StringComparison.Ordinal);
        var view = (await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/meeting", Ct))!;
        Assert.Equal((false, 2L), (view.Stored, view.Version));

        // Someone sets a rule again; the old page's reset is then stale.
        await PutAsync(coordinator, "meeting", new ReminderPolicyRequest("9", false, false, 8, view.Version));
        var stale = await coordinator.PostAsync($"{url}?handler=Reset", ResetForm(page, saved.Version), Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Noen andre har endret regelen etter at du åpnet siden", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var after = (await coordinator.GetFromJsonAsync<ReminderPolicyView>($"{Api}/meeting", Ct))!;
        Assert.Equal((true, 3L), (after.Stored, after.Version));
    }

    private static async Task<ReminderPolicyView> PutAsync(HttpClient client, string kind, ReminderPolicyRequest request) =>
        await Problem.ReadOkAsync<ReminderPolicyView>(await client.PutAsJsonAsync($"{Api}/{kind}", request, Ct), HttpStatusCode.OK, Ct);

    private static FormUrlEncodedContent ResetForm(string page, long version) => new(
    [
        new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value),
        new("ResetVersion", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    // The view's list compared by its items.
    private sealed class ViewComparer : IEqualityComparer<ReminderPolicyView?>
    {
        public bool Equals(ReminderPolicyView? x, ReminderPolicyView? y) =>
            x is not null && y is not null && x with { Effective = [] } == y with { Effective = [] } && x.Effective.SequenceEqual(y.Effective);

        public int GetHashCode(ReminderPolicyView? obj) => obj?.Kind.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
