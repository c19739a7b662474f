using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Guests;
using Samordning.Feedback.Rounds;
using Samordning.Meetings.Guests;
using Samordning.Shared.Security;
using Samordning.Shared.Time;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Meetings.Guests;

public sealed class GuestClock : IClock
{
    // During the test meeting (14 June 2030, 10:00–12:00 Oslo time).
    public DateTimeOffset UtcNow { get; set; } = new(2030, 6, 14, 8, 30, 0, TimeSpan.Zero);
}

// The host with a clock the tests move and a public rate limit high enough for a test class.
public sealed partial class GuestHost : IAsyncDisposable
{
    public GuestHost()
    {
        Factory = SamordningFactory.Create(new SamordningFactoryOptions
        {
            Settings = new Dictionary<string, string?> { ["RateLimiting:PublicPermitsPerMinute"] = "10000" },
            ConfigureServices = services => services.AddSingleton<IClock>(Clock),
        });
    }

    public SamordningFactory Factory { get; }

    public GuestClock Clock { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal async Task<GuestLinkView> CreateLinkAsync(Guid meetingId, GuestLinkRequest request, string email = MeetingTestData.Facilitator)
    {
        var response = await Factory.CreateClientAs(email).PostAsJsonAsync($"/api/meetings/{meetingId}/guest-links", request, Ct);
        return await Problem.ReadOkAsync<GuestLinkView>(response, HttpStatusCode.Created, Ct);
    }

    // An input round by invitation (or public), open from now for ten days.
    internal async Task<RoundDetails> CreateRoundAsync(bool isPublic = false)
    {
        var request = new OpenRoundRequest($"Runde {Guid.NewGuid():N}", "Etter invitasjon", [Audience.Everyone], [], Clock.UtcNow, Clock.UtcNow.AddDays(10), isPublic, 12);
        var response = await Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/feedback/rounds", request, FeedbackFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RoundDetails>(FeedbackFixture.Json, Ct))!;
    }

    internal async Task<RoundGuestLinkView> CreateRoundLinkAsync(Guid roundId, GuestLinkRequest request)
    {
        var response = await Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync($"/api/feedback/rounds/{roundId}/guest-links", request, Ct);
        return await Problem.ReadOkAsync<RoundGuestLinkView>(response, HttpStatusCode.Created, Ct);
    }

    // A browser without an account: keeps its cookies by hand (so a test can see and reuse them, the hub too).
    public GuestBrowser Browser() => new(Factory);

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed partial class GuestBrowser(SamordningFactory factory)
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string? GuestCookie => cookies.GetValueOrDefault("samordning-gjest");

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request, Ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var header in set)
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(pair[0]);
                }
                else
                {
                    cookies[pair[0]] = pair[1];
                }
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostJsonAsync<T>(string path, T body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    // Opens the link and sends its form: the answer is the redirect to the meeting, or the page saying why not.
    public async Task<HttpResponseMessage> RedeemAsync(string url, string? name = "Gunn Gjest", bool consent = true)
    {
        var path = new Uri(url).AbsolutePath;
        var page = await (await GetAsync(path)).Content.ReadAsStringAsync(Ct);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value) };
        if (name is not null)
        {
            fields.Add(new("Guest.Name", name));
        }

        if (consent)
        {
            fields.Add(new("Guest.Consent", "true"));
        }

        return await SendAsync(HttpMethod.Post, path, new FormUrlEncodedContent(fields));
    }

    // Opens the round's form and sends valid input as the public form would: the redirect to the receipt, or the page.
    public async Task<HttpResponseMessage> SubmitInputAsync(Guid roundId)
    {
        var page = await (await GetAsync($"/innspill/{roundId}")).Content.ReadAsStringAsync(Ct);
        var fields = Samordning.Tests.Feedback.PublicForm.Valid(AntiforgeryToken().Match(page).Groups[1].Value, FormToken().Match(page).Groups[1].Value);
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        return await SendAsync(HttpMethod.Post, $"/innspill/{roundId}", content);
    }

    public HubConnection Hub() => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live"), options =>
        {
            options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.Headers["Cookie"] = string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
        })
        .Build();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input.Token\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"Input.Token\"")]
    private static partial Regex FormToken();
}
