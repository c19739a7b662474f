using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Meetings.Guests;
using Samordning.Shared.Security;
using Samordning.Meetings.Questions;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings.Guests;

public sealed class GuestLinkTests(GuestHost host) : IClassFixture<GuestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SamordningFactory Factory => host.Factory;

    [Fact]
    public async Task Redeem_GuestOfLiveMeeting_FollowsAsksSeesAnswerVotesAndRegisters()
    {
        var meeting = await CreateLiveAsync(Factory);
        var link = await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 5, null));
        var guest = host.Browser();

        var redeemed = await guest.RedeemAsync(link.Url!);

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Equal($"/moter/{meeting.Id}", redeemed.Headers.Location!.OriginalString);
        var page = await guest.GetAsync($"/moter/{meeting.Id}");
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"guest-notice\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Per Hansen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/historikk", html, StringComparison.Ordinal);
        var asked = await Problem.ReadOkAsync<QuestionView>(
            await guest.PostJsonAsync($"/api/meetings/{meeting.Id}/questions", new QuestionRequest("Kan gjester se referatet?", false)), HttpStatusCode.Created, Ct);
        Assert.Equal("Gunn Gjest", asked.AskerName);
        await Problem.ReadOkAsync<QuestionView>(
            await Factory.CreateClientAs(Facilitator).PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions/{asked.Id}/answer", new AnswerRequest("Ja, når det er publisert."), Ct), HttpStatusCode.OK, Ct);
        var live = await Problem.ReadOkAsync<List<Samordning.Shared.Live.LiveItem>>(await guest.GetAsync($"/api/live?topic=meeting:{meeting.Id}&after=0"), HttpStatusCode.OK, Ct);
        Assert.Contains(live, i => i.Type == "meetings.question" && Payload(i).GetProperty("answered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await guest.SendAsync(HttpMethod.Post, $"/api/meetings/{meeting.Id}/questions/{asked.Id}/upvote")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guest.SendAsync(HttpMethod.Post, $"/api/meetings/{meeting.Id}/registration")).StatusCode);
        var links = await Factory.CreateClientAs(Facilitator).GetFromJsonAsync<List<GuestLinkView>>($"/api/meetings/{meeting.Id}/guest-links", Ct);
        var listed = Assert.Single(links!);
        Assert.Equal((1, GuestLinkStatus.Active, "Gunn Gjest"), (listed.Uses, listed.Status, Assert.Single(listed.Guests).Name));
        Assert.NotNull(listed.Guests[0].RegisteredAt);
        Assert.Null(listed.Url);
    }

    [Fact]
    public async Task Guest_OtherMeetingAndOtherPages_Refused()
    {
        var meeting = await CreateLiveAsync(Factory);
        var other = await CreateLiveAsync(Factory);
        var guest = host.Browser();
        await guest.RedeemAsync((await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest("Gunn Gjest", "gunn@example.com", null, null))).Url!);

        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"/moter/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.PostJsonAsync($"/api/meetings/{other.Id}/questions", new QuestionRequest("Inn bakveien?", false))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"/api/live?topic=meeting:{other.Id}&after=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.SendAsync(HttpMethod.Post, $"/api/meetings/{other.Id}/registration")).StatusCode);
        foreach (var path in new[] { "/moter", $"/moter/{meeting.Id}/referat", $"/moter/{meeting.Id}/gjester", $"/moter/{meeting.Id}/historikk", "/", "/sok?q=møte", "/arbeidsstrommer" })
        {
            var response = await guest.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/moter", StringComparison.Ordinal) != true,
                $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        foreach (var path in new[] { "/api/meetings", $"/api/meetings/{meeting.Id}", $"/api/meetings/{meeting.Id}/guest-links", "/api/workstreams", "/api/feedback/rounds" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await guest.PostJsonAsync($"/api/meetings/{meeting.Id}/guest-links", new GuestLinkRequest(null, null, 50, null))).StatusCode);
        await using var hub = guest.Hub();
        await hub.StartAsync(Ct);
        Assert.True(await hub.InvokeAsync<long>("Join", $"meeting:{meeting.Id}", Ct) >= 0);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<long>("Join", $"meeting:{other.Id}", Ct));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<long>("Join", "meetings", Ct));
    }

    [Fact]
    public async Task GuestPage_MenuOnlyWhatTheGuestCanOpen_LiveClientLoaded_LeavingEndsTheSession()
    {
        var meeting = await CreateLiveAsync(Factory);
        var guest = host.Browser();
        await guest.RedeemAsync((await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 3, null))).Url!);

        var page = await (await guest.GetAsync($"/moter/{meeting.Id}")).Content.ReadAsStringAsync(Ct);
        var menu = page[page.IndexOf("class=\"site-nav\"", StringComparison.Ordinal)..page.IndexOf("</nav>", StringComparison.Ordinal)];
        var hrefs = System.Text.RegularExpressions.Regex.Matches(menu, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([$"/moter/{meeting.Id}", "/prosess"], hrefs.Order(StringComparer.Ordinal));
        foreach (var href in hrefs)
        {
            Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync(href)).StatusCode);
        }

        // The notes follow live only with the SignalR client on the page (meeting-live.js needs it).
        Assert.Contains("signalr.min.js", page, StringComparison.Ordinal);
        Assert.Contains("meeting-live.js", page, StringComparison.Ordinal);

        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var left = await guest.SendAsync(HttpMethod.Post, "/konto/logg-ut", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Null(guest.GuestCookie);
        Assert.NotEqual(HttpStatusCode.OK, (await guest.GetAsync($"/moter/{meeting.Id}")).StatusCode);
    }

    [Fact]
    public async Task Redeem_AtTheExpiryEdge_OpensUntilTheInstantThenNot()
    {
        var meeting = await CreateLiveAsync(Factory);
        var expires = host.Clock.UtcNow.AddHours(5);
        var link = await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 10, expires));
        var early = host.Browser();
        try
        {
            host.Clock.UtcNow = expires.AddTicks(-1);
            Assert.Equal(HttpStatusCode.Redirect, (await early.RedeemAsync(link.Url!)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await early.GetAsync($"/moter/{meeting.Id}")).StatusCode);

            host.Clock.UtcNow = expires;
            var late = await host.Browser().RedeemAsync(link.Url!);
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
            Assert.Contains("utløpt", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            var ended = await early.GetAsync($"/moter/{meeting.Id}");
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
            Assert.Equal("/gjest/avsluttet", ended.Headers.Location!.OriginalString);
        }
        finally
        {
            host.Clock.UtcNow = new GuestClock().UtcNow;
        }
    }

    [Fact]
    public async Task Revoke_MidSession_EndsNextRequestAndTheHubConnection()
    {
        var meeting = await CreateLiveAsync(Factory);
        var link = await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 3, null));
        var guest = host.Browser();
        await guest.RedeemAsync(link.Url!);
        await using var hub = guest.Hub();
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<long>("Join", $"meeting:{meeting.Id}", Ct);
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        var revoked = await Problem.ReadOkAsync<GuestLinkView>(
            await Factory.CreateClientAs(People.Coordinator).PostAsync($"/api/meetings/{meeting.Id}/guest-links/{link.Id}/revoke", null, Ct), HttpStatusCode.OK, Ct);

        Assert.Equal(GuestLinkStatus.Revoked, revoked.Status);
        await closed.Task.WaitAsync(Ct);
        var page = await guest.GetAsync($"/moter/{meeting.Id}");
        Assert.Equal("/gjest/avsluttet", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guest.GetAsync($"/api/meetings/{meeting.Id}/questions")).StatusCode);
        var again = await host.Browser().RedeemAsync(link.Url!);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("trukket tilbake", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_ManyAtOnceOnALinkForThree_ExactlyThreeGetIn()
    {
        var meeting = await CreateLiveAsync(Factory);
        var link = await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 3, null));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => host.Browser().RedeemAsync(link.Url!, $"Gjest {n}")));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Gone));
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        Assert.Equal(3, (await db.GuestLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id, Ct)).Uses);
        Assert.Equal(3, await db.GuestPasses.CountAsync(p => p.LinkId == link.Id, Ct));
    }

    [Fact]
    public async Task Create_StoresOnlyTheHashAndAuditsCreateRedeemRevoke()
    {
        var meeting = await CreateLiveAsync(Factory);
        var link = await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest("Nils Navngitt", "nils@example.com", null, null));
        var token = new Uri(link.Url!).AbsolutePath["/gjest/".Length..];
        await host.Browser().RedeemAsync(link.Url!, name: null);
        await Factory.CreateClientAs(Facilitator).PostAsync($"/api/meetings/{meeting.Id}/guest-links/{link.Id}/revoke", null, Ct);

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        var stored = await db.GuestLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id, Ct);
        Assert.Equal(SecretTokens.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(0, await db.GuestLinks.CountAsync(l => l.TokenHash.Contains(token), Ct));
        var pass = await db.GuestPasses.AsNoTracking().SingleAsync(p => p.LinkId == link.Id, Ct);
        Assert.Equal("Nils Navngitt", pass.Name);
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.EntityId == link.Id || a.EntityId == pass.Id).ToListAsync(Ct);
        Assert.Equal(
            [(nameof(GuestLink), "Created"), (nameof(GuestLink), "Updated"), (nameof(GuestLink), "Updated"), (nameof(GuestPass), "Created")],
            audit.Select(a => (a.Entity, a.Action)).Order());
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains("nils@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_InvalidOrByOthers_FieldErrorsOrForbidden()
    {
        var meeting = await CreateLiveAsync(Factory);
        var facilitator = Factory.CreateClientAs(Facilitator);

        var invalid = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/guest-links",
            new GuestLinkRequest(null, "ikke-epost", 0, host.Clock.UtcNow.AddDays(90)), Ct);
        var named = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/guest-links", new GuestLinkRequest("Nils", null, 4, null), Ct);
        var participant = await Factory.CreateClientAs(ParticipantFin).PostAsJsonAsync($"/api/meetings/{meeting.Id}/guest-links", new GuestLinkRequest(null, null, 4, null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync(Ct);
        foreach (var field in new[] { "GuestEmail", "MaxUses", "ExpiresAt", "GuestName" })
        {
            Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, participant.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync(
            $"/api/meetings/{meeting.Id}/guest-links", new GuestLinkRequest(null, null, 4, null), Ct)).StatusCode);
    }

    [Fact]
    public async Task Redeem_UnknownTokenOrMissingName_SaysWhyAndLetsNobodyIn()
    {
        var meeting = await CreateLiveAsync(Factory);
        var link = await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 2, null));
        var guest = host.Browser();

        var unknown = await guest.GetAsync("/gjest/finnes-ikke");
        var nameless = await guest.RedeemAsync(link.Url!, name: null, consent: false);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("guest-refusal", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nameless.StatusCode);
        var html = await nameless.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Guest_Name-error", html, StringComparison.Ordinal);
        Assert.Contains("Guest_Consent-error", html, StringComparison.Ordinal);
        Assert.Null(guest.GuestCookie);
    }

    [Fact]
    public async Task Revoke_LinkOfAnotherMeeting_NotFoundAndUnchanged()
    {
        var meeting = await CreateLiveAsync(Factory);
        var other = await CreateLiveAsync(Factory);
        var link = await host.CreateLinkAsync(other.Id, new GuestLinkRequest(null, null, 3, null));

        var crossed = await Factory.CreateClientAs(People.Coordinator).PostAsync($"/api/meetings/{meeting.Id}/guest-links/{link.Id}/revoke", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        var listed = Assert.Single((await Factory.CreateClientAs(Facilitator).GetFromJsonAsync<List<GuestLinkView>>($"/api/meetings/{other.Id}/guest-links", Ct))!);
        Assert.Equal((GuestLinkStatus.Active, null, link.Version), (listed.Status, listed.RevokedAt, listed.Version));
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().RedeemAsync(link.Url!)).StatusCode);
    }
}
