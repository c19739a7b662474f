using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Guests;
using Samordning.Shared.Security;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings.Guests;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Feedback.Guests;

// Guest links to one input round by invitation: the guest sends input through the round's form and gets the receipt,
// and nothing else opens for them; a link that ended says why; only the token's hash is stored; every step audited.
public sealed class RoundGuestLinkTests(GuestHost host) : IClassFixture<GuestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SamordningFactory Factory => host.Factory;

    [Fact]
    public async Task Redeem_GuestOfRoundByInvitation_SubmitsThroughTheFormAndGetsTheReceipt()
    {
        var round = await host.CreateRoundAsync();
        var link = await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest(null, null, 5, null));
        var guest = host.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/innspill/{round.Id}")).StatusCode);
        var invitation = await (await guest.GetAsync(new Uri(link.Url!).AbsolutePath)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(round.Title, invitation, StringComparison.Ordinal);

        var redeemed = await guest.RedeemAsync(link.Url!);
        var submitted = await guest.SubmitInputAsync(round.Id);

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Equal($"/innspill/{round.Id}", redeemed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var receiptPath = submitted.Headers.Location!.OriginalString;
        Assert.StartsWith("/innspill/kvittering/", receiptPath, StringComparison.Ordinal);
        var receipt = await guest.GetAsync(receiptPath);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Contains(round.Title, await receipt.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var item = await db.Items.AsNoTracking().SingleAsync(i => i.RoundId == round.Id, Ct);
        Assert.Equal(("Gjestelenke", Channel.WebForm), (item.Source, item.Channel));
        var listed = Assert.Single((await Factory.CreateClientAs(People.Coordinator).GetFromJsonAsync<List<RoundGuestLinkView>>($"/api/feedback/rounds/{round.Id}/guest-links", Ct))!);
        Assert.Equal((1, GuestLinkStatus.Active, "Gunn Gjest"), (listed.Uses, listed.Status, Assert.Single(listed.Guests).Name));
        Assert.Null(listed.Url);
    }

    [Fact]
    public async Task RoundGuest_OtherRoundsMeetingsPagesAndApis_Refused()
    {
        var round = await host.CreateRoundAsync();
        var other = await host.CreateRoundAsync();
        var meeting = await CreateLiveAsync(Factory);
        var guest = host.Browser();
        await guest.RedeemAsync((await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest("Gunn Gjest", null, null, null))).Url!);

        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/innspill/{round.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/innspill/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.SubmitInputAsync(other.Id)).StatusCode);
        foreach (var path in new[] { $"/moter/{meeting.Id}", "/moter", "/innspillsregister", $"/innspillsregister/runder/{round.Id}", $"/innspillsregister/runder/{round.Id}/gjester", "/", "/arbeidsstrommer" })
        {
            var response = await guest.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/innspill", StringComparison.Ordinal) != true
                && response.Headers.Location?.OriginalString.Contains("/moter", StringComparison.Ordinal) != true,
                $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        foreach (var path in new[] { "/api/feedback/rounds", $"/api/feedback/rounds/{round.Id}", $"/api/feedback/rounds/{round.Id}/guest-links", "/api/feedback/items", "/api/meetings" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(path)).StatusCode);
        }

        // A meeting guest's endpoint admits guests, and its use case refuses one of another scope.
        Assert.True((await guest.GetAsync($"/api/meetings/{meeting.Id}/questions")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Forbidden, (await guest.PostJsonAsync($"/api/feedback/rounds/{round.Id}/guest-links", new GuestLinkRequest(null, null, 50, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"/api/live?topic=meeting:{meeting.Id}&after=0")).StatusCode);
        await using var hub = guest.Hub();
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await hub.StartAsync(Ct);
            await hub.InvokeAsync<long>("Join", $"meeting:{meeting.Id}", Ct);
        });
    }

    [Fact]
    public async Task Redeem_ExpiredRevokedOrUsedUp_ClearPageAndNoSession()
    {
        var round = await host.CreateRoundAsync();
        var client = Factory.CreateClientAs(People.Coordinator);
        var once = await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest(null, null, 1, null));
        var revoked = await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest(null, null, 3, null));
        var expires = host.Clock.UtcNow.AddHours(2);
        var expiring = await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest(null, null, 3, expires));
        var inside = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await inside.RedeemAsync(revoked.Url!)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().RedeemAsync(once.Url!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/feedback/rounds/{round.Id}/guest-links/{revoked.Id}/revoke", null, Ct)).StatusCode);

        var usedUp = await host.Browser().RedeemAsync(once.Url!);
        var again = await host.Browser().RedeemAsync(revoked.Url!);
        var ended = await inside.GetAsync($"/innspill/{round.Id}");
        HttpResponseMessage late;
        try
        {
            host.Clock.UtcNow = expires;
            late = await host.Browser().RedeemAsync(expiring.Url!);
        }
        finally
        {
            host.Clock.UtcNow = new GuestClock().UtcNow;
        }

        Assert.Equal(HttpStatusCode.Gone, usedUp.StatusCode);
        Assert.Contains("brukt så mange ganger", await usedUp.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("trukket tilbake", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("utløpt", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("/gjest/avsluttet", ended.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await inside.GetAsync($"/innspill/{round.Id}")).StatusCode);
    }

    [Fact]
    public async Task Create_StoresOnlyTheHash_AuditsCreateRedeemRevoke_RefusesPublicRoundsAndOthers()
    {
        var round = await host.CreateRoundAsync();
        var link = await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest("Nils Navngitt", "nils@example.com", null, null));
        var token = new Uri(link.Url!).AbsolutePath["/gjest/".Length..];
        await host.Browser().RedeemAsync(link.Url!, name: null);
        await Factory.CreateClientAs(People.Coordinator).PostAsync($"/api/feedback/rounds/{round.Id}/guest-links/{link.Id}/revoke", null, Ct);
        var publicRound = await host.CreateRoundAsync(isPublic: true);

        var toPublic = await Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync($"/api/feedback/rounds/{publicRound.Id}/guest-links", new GuestLinkRequest(null, null, 5, null), Ct);
        var invalid = await Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync($"/api/feedback/rounds/{round.Id}/guest-links",
            new GuestLinkRequest(null, "ikke-epost", 0, host.Clock.UtcNow.AddDays(90)), Ct);
        var byContact = await Factory.CreateClientAs(People.ContactPersonFin).PostAsJsonAsync($"/api/feedback/rounds/{round.Id}/guest-links", new GuestLinkRequest(null, null, 5, null), Ct);
        var unknown = await Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync($"/api/feedback/rounds/{Guid.NewGuid()}/guest-links", new GuestLinkRequest(null, null, 5, null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, toPublic.StatusCode);
        Assert.Contains("\"Round\"", await toPublic.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync(Ct);
        foreach (var field in new[] { "GuestEmail", "MaxUses", "ExpiresAt", "GuestName" })
        {
            Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, byContact.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var stored = await db.GuestLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id, Ct);
        Assert.Equal(SecretTokens.Hash(token), stored.TokenHash);
        Assert.Equal(0, await db.GuestLinks.CountAsync(l => l.TokenHash.Contains(token), Ct));
        var pass = await db.GuestPasses.AsNoTracking().SingleAsync(p => p.LinkId == link.Id, Ct);
        Assert.Equal("Nils Navngitt", pass.Name);
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.EntityId == link.Id || a.EntityId == pass.Id).ToListAsync(Ct);
        Assert.Equal(
            [(nameof(RoundGuestLink), "Created"), (nameof(RoundGuestLink), "Updated"), (nameof(RoundGuestLink), "Updated"), (nameof(RoundGuestPass), "Created")],
            audit.Select(a => (a.Entity, a.Action)).Order());
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains("nils@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_LinkOfAnotherRound_NotFoundAndUnchanged()
    {
        var round = await host.CreateRoundAsync();
        var other = await host.CreateRoundAsync();
        var link = await host.CreateRoundLinkAsync(other.Id, new GuestLinkRequest(null, null, 3, null));

        var crossed = await Factory.CreateClientAs(People.Coordinator).PostAsync($"/api/feedback/rounds/{round.Id}/guest-links/{link.Id}/revoke", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        var listed = Assert.Single((await Factory.CreateClientAs(People.Coordinator).GetFromJsonAsync<List<RoundGuestLinkView>>($"/api/feedback/rounds/{other.Id}/guest-links", Ct))!);
        Assert.Equal((GuestLinkStatus.Active, null, link.Version), (listed.Status, listed.RevokedAt, listed.Version));
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().RedeemAsync(link.Url!)).StatusCode);
    }
}
