using System.Net;
using Samordning.Shared.Security;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings.Guests;

// Making and revoking a guest link is on the meeting's and the round's history page, in the reader's language,
// with who and when; never the link's token or its hash.
public sealed class GuestLinkHistoryTests(GuestHost host) : IClassFixture<GuestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MeetingHistory_LinkCreatedAndRevoked_BothShownWithoutTheToken()
    {
        var meeting = await CreateLiveAsync(host.Factory);
        var link = await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 4, null));
        var client = host.Factory.CreateClientAs(Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/meetings/{meeting.Id}/guest-links/{link.Id}/revoke", null, Ct)).StatusCode);

        await AssertHistoryAsync(client, $"/moter/{meeting.Id}/historikk", link.Url!, link.CreatedBy);
    }

    [Fact]
    public async Task RoundHistory_LinkCreatedAndRevoked_BothShownWithoutTheToken()
    {
        var round = await host.CreateRoundAsync();
        var link = await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest(null, null, 4, null));
        var client = host.Factory.CreateClientAs(People.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/feedback/rounds/{round.Id}/guest-links/{link.Id}/revoke", null, Ct)).StatusCode);

        await AssertHistoryAsync(client, $"/innspillsregister/runder/{round.Id}/historikk", link.Url!, link.CreatedBy);
    }

    private static async Task AssertHistoryAsync(HttpClient client, string page, string url, string actor)
    {
        var token = new Uri(url).AbsolutePath["/gjest/".Length..];
        var bokmal = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync($"{page}?culture=en-GB", Ct));

        // Newest first: the revocation above the creation, each with its time and who did it.
        var revoked = bokmal.IndexOf($"– Gjestelenke trukket tilbake, {actor}</h2>", StringComparison.Ordinal);
        var created = bokmal.IndexOf($"– Gjestelenke opprettet, {actor}</h2>", StringComparison.Ordinal);
        Assert.True(revoked >= 0 && created > revoked, $"Revoked at {revoked}, created at {created}.");
        Assert.Contains("<th scope=\"row\">Trukket tilbake</th>", bokmal, StringComparison.Ordinal);
        Assert.Contains($"– Guest link revoked, {actor}</h2>", english, StringComparison.Ordinal);
        Assert.Contains($"– Guest link created, {actor}</h2>", english, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">May be used by</th>", english, StringComparison.Ordinal);
        foreach (var html in new[] { bokmal, english })
        {
            Assert.DoesNotContain(token, html, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretTokens.Hash(token), html, StringComparison.Ordinal);
            Assert.DoesNotContain("TokenHash", html, StringComparison.Ordinal);
        }
    }
}
