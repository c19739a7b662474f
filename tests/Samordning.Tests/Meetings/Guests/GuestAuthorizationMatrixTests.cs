using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Security;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings.Guests;

// Guests as actors of the authorization matrix, over every endpoint and page the host maps (read from its routing,
// so a new endpoint is in the matrix the day it is added): a guest of meeting A is refused everywhere except the
// few endpoints marked [AllowGuests], and there only for meeting A; public (anonymous) addresses are left out.
public sealed partial class GuestAuthorizationMatrixTests(GuestHost host) : IClassFixture<GuestHost>
{
    // What a guest of meeting A may do there, and nothing more.
    private static readonly string[] GuestEndpoints =
    [
        "GET /api/meetings/{id:guid}/questions",
        "POST /api/meetings/{id:guid}/questions",
        "POST /api/meetings/{id:guid}/questions/{questionId:guid}/upvote",
        "GET /api/meetings/{id:guid}/polls",
        "POST /api/meetings/{id:guid}/polls/{pollId:guid}/vote",
        "POST /api/meetings/{id:guid}/registration",
        "GET /api/live",
        "GET /moter/{id:guid}",
        "POST /moter/{id:guid}",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Matrix_AllowGuests_OnExactlyTheGuestEndpoints()
    {
        var admitting = Routes().Where(r => r.AllowsGuests && !r.Pattern.StartsWith("/hubs", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Pattern}").Order(StringComparer.Ordinal);

        Assert.Equal(GuestEndpoints.Order(StringComparer.Ordinal), admitting);
    }

    [Fact]
    public async Task EveryEndpoint_GuestOfAnotherMeeting_Refused()
    {
        var meeting = await CreateLiveAsync(host.Factory);
        var other = await CreateLiveAsync(host.Factory);
        var guest = host.Browser();
        await guest.RedeemAsync((await host.CreateLinkAsync(meeting.Id, new GuestLinkRequest(null, null, 2, null))).Url!);

        // Endpoints that admit guests are asked about the other meeting; the rest about the guest's own one, the
        // strongest case for a refusal.
        var failures = await NotRefusedAsync(guest, route =>
            Fill(route.Pattern, route.AllowsGuests ? other.Id : meeting.Id) + (route.Pattern == "/api/live" ? $"?topic=meeting:{other.Id}" : ""));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/moter/{meeting.Id}")).StatusCode);
    }

    [Fact]
    public async Task EveryEndpoint_GuestOfARound_Refused()
    {
        var round = await host.CreateRoundAsync();
        var guest = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await guest.RedeemAsync((await host.CreateRoundLinkAsync(round.Id, new GuestLinkRequest(null, null, 2, null))).Url!)).StatusCode);

        // A round's guest passes no policy anywhere: their form is a public (anonymous) page that checks the scope.
        var failures = await NotRefusedAsync(guest, route => Fill(route.Pattern, round.Id) + (route.Pattern == "/api/live" ? "?topic=feedback:rounds" : ""));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/innspill/{round.Id}")).StatusCode);
    }

    // Every route but the anonymous ones, the hub and signing out (open to whoever is signed in, a guest too, and
    // opening nothing), asked at the path given: what was not refused. A form post without its anti-forgery token
    // stops there (400) on the one page that admits guests.
    private async Task<List<string>> NotRefusedAsync(GuestBrowser guest, Func<Route, string> pathOf)
    {
        var failures = new List<string>();
        foreach (var route in Routes().Where(r => !r.Anonymous && !r.Pattern.StartsWith("/hubs", StringComparison.Ordinal) && r.Pattern != "/konto/logg-ut"))
        {
            var path = pathOf(route);
            var response = await guest.SendAsync(new HttpMethod(route.Method), path, route.Method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            var refused = route.AllowsGuests
                ? response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                : response.StatusCode == HttpStatusCode.Forbidden;
            if (!refused)
            {
                failures.Add($"{route.Method} {path}: {(int)response.StatusCode}");
            }
        }

        return failures;
    }

    private sealed record Route(string Method, string Pattern, bool Anonymous, bool AllowsGuests);

    private IEnumerable<Route> Routes() =>
        host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(method => new Route(
                    method,
                    "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    e.Metadata.GetMetadata<AllowGuestsAttribute>() is not null)))
            .Where(r => r.Method is "GET" or "POST" or "PUT" or "DELETE" or "PATCH")
            .DistinctBy(r => (r.Method, r.Pattern));

    // Route values: the meeting for {id}, a fresh id for other guids, something plausible for the rest.
    private static string Fill(string pattern, Guid meetingId) => Parameter().Replace(pattern, m => m.Groups["name"].Value switch
    {
        "id" => meetingId.ToString(),
        _ when m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ when m.Groups["constraint"].Value.Contains("int", StringComparison.Ordinal) => "1",
        _ => "x",
    });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:=?]+)(?<constraint>:[^}=?]*)?(=[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
