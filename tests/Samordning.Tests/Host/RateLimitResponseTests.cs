using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Modules;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// Over the public budget: ProblemDetails for the API, a readable page in the person's language for pages, and
// Retry-After on both.
public sealed class RateLimitResponseTests : IAsyncDisposable
{
    private readonly SamordningFactory factory = SamordningFactory.Create(new()
    {
        Settings = new Dictionary<string, string?> { ["RateLimiting:PublicPermitsPerMinute"] = "2" },
        ConfigureServices = services => services.AddSingleton<IEndpoint, LimitedEndpoint>(),
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_OverTheBudget_429ProblemWithRetryAfter()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await client.GetAsync("/api/test-limited", Ct));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], responses.Take(2).Select(r => r.StatusCode));
        var problem = await Problem.ReadAsync(responses[2], HttpStatusCode.TooManyRequests, Ct);
        Assert.Equal("For mange forespørsler. Vent litt og prøv igjen.", problem.GetProperty("title").GetString());
        var retryAfter = responses[2].Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }

    [Theory]
    [InlineData("", "Vent ett minutt")]
    [InlineData("?culture=en", "Wait a minute")]
    public async Task Page_OverTheBudget_429ReadablePageWithRetryAfter(string query, string expected)
    {
        var client = factory.CreateClientAs(null);

        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.GetAsync($"/konto/logg-inn{query}", Ct);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(last.Headers.RetryAfter?.Delta);
        var html = await last.Content.ReadAsStringAsync(Ct);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(last.Headers.GetValues("X-Content-Type-Options")));
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private sealed class LimitedEndpoint : IEndpoint
    {
        public void MapEndpoint(IEndpointRouteBuilder api) =>
            api.MapGet("/test-limited", () => TypedResults.Ok()).RequireRateLimiting(Samordning.Host.Web.RateLimiting.PublicPolicy);
    }
}
