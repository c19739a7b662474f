using System.Net;
using System.Text.Json;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

public sealed class HostEndpointsTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Anonymous_Healthy(string path)
    {
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OpenApi_SignedIn_ListsMinistriesEndpoints()
    {
        var client = factory.CreateClientAs(People.Observer);

        var response = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/ministries", out _));
        Assert.True(paths.TryGetProperty("/api/ministries/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/live", out _));
    }

    [Fact]
    public async Task OpenApi_Anonymous_Unauthorized()
    {
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Page_SignedIn_StrictSecurityHeaders()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Page_SignedIn_NoInlineScript()
    {
        // The CSP forbids inline script, so a page that carried one would break in the browser.
        var client = factory.CreateClientAs(People.Coordinator);

        var html = await client.GetStringAsync("/", Ct);

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task Api_Error_SecurityHeadersToo()
    {
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/api/ministries", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Api_AnonymousInEnglish_EnglishProblemTitle()
    {
        // The status code pages run inside the request's culture, so error titles follow the language too.
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/api/ministries?culture=en", Ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized, Ct);
        Assert.Equal("You need to sign in.", problem.GetProperty("title").GetString());
    }
}
