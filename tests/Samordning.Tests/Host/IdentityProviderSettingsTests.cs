using System.Net;
using Microsoft.Extensions.Options;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// Settings for an external identity provider are checked when the host starts, not on every request; a provider
// that does not answer gives a readable page, 401 for the API, and a degraded readiness.
public sealed class IdentityProviderSettingsTests
{
    // Nothing listens on port 1 of loopback: the provider "does not answer" at once.
    private const string Unreachable = "http://127.0.0.1:1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Development", "http://127.0.0.1:5301", null, "secret", "Auth:RequireHttpsMetadata=false")]
    [InlineData("Production", "http://idp.example.no", null, "secret", "outside Development")]
    [InlineData("Production", "https://idp.example.no", "false", "secret", "Auth:RequireHttpsMetadata=false is allowed only")]
    [InlineData("Production", "https://idp.example.no", null, null, "Auth:ClientSecret is missing")]
    [InlineData("Staging", "not an address", null, "secret", "is not an absolute https address")]
    public async Task Start_ExternalAuthorityMisconfigured_RefusesNamingTheSetting(
        string environment, string authority, string? requireHttps, string? secret, string expected)
    {
        await using var factory = SamordningFactory.Create(new()
        {
            Environment = environment,
            Settings = new Dictionary<string, string?>
            {
                ["Auth:Authority"] = authority,
                ["Auth:RequireHttpsMetadata"] = requireHttps ?? "true",
                ["Auth:ClientSecret"] = secret ?? "",
            },
        });

        var exception = Record.Exception(() => factory.Services);

        var failure = StartupTests.Flatten(exception!).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(failure is not null, $"Expected a validation failure, got: {exception}");
        Assert.Contains(failure.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_SystemClientWithUnknownRole_Refuses()
    {
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["Auth:Authority"] = "https://idp.example.no",
                ["Auth:ApiAudience"] = "api://samordning",
                ["Auth:SystemClients:rapportsystem"] = "Reader",
            },
        });

        var exception = Record.Exception(() => factory.Services);

        var failure = StartupTests.Flatten(exception!).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(failure is not null, $"Expected a validation failure, got: {exception}");
        Assert.Contains(failure.Failures, f => f.Contains("Auth:SystemClients:rapportsystem", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Innloggingstjenesten svarer ikke")]
    [InlineData("?culture=en", "The sign-in service is not answering")]
    public async Task Page_ProviderUnreachable_ReadableServiceUnavailablePage(string query, string expected)
    {
        await using var factory = UnreachableProvider();
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync($"/departementer{query}", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ProviderUnreachable_UnauthorizedWithoutAskingTheProvider()
    {
        await using var factory = UnreachableProvider();
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/api/ministries", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Ready_ProviderUnreachable_ReportsDegraded()
    {
        await using var factory = UnreachableProvider();
        var client = factory.CreateClientAs(null);

        var live = await client.GetAsync("/health/live", Ct);
        var ready = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync(Ct));
    }

    // Development with a local provider on http (the opt-out allowed there), which does not answer.
    private static SamordningFactory UnreachableProvider() => SamordningFactory.Create(new()
    {
        TestSchemeChallenges = false,
        Settings = new Dictionary<string, string?>
        {
            ["Auth:Authority"] = Unreachable,
            ["Auth:RequireHttpsMetadata"] = "false",
        },
    });
}
