using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Samordning.Host.Auth;

// The identity provider could not be reached (its discovery document did not load): the error pages show a readable
// page with status 503 for it, not a 500.
internal sealed class IdentityProviderUnavailableException(string authority, Exception inner)
    : Exception($"The identity provider at {authority} could not be reached.", inner);

// Wraps the OpenID Connect handler's configuration manager, so a provider that is down surfaces as the exception
// above (one type the error handling can recognise) instead of IdentityModel's generic InvalidOperationException.
internal sealed class ReachableConfigurationManager(IConfigurationManager<OpenIdConnectConfiguration> inner, string authority)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        try
        {
            return await inner.GetConfigurationAsync(cancel);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            throw new IdentityProviderUnavailableException(authority, exception);
        }
    }

    public void RequestRefresh() => inner.RequestRefresh();
}

// /health/ready reports a provider that does not answer: Degraded, not Unhealthy, because people already signed in,
// the API's cached keys and the public input page still work, and a load balancer must not take every node out.
// The discovery document is fetched with a short timeout and the answer kept for half a minute, so probes do not
// hammer the provider.
internal sealed class IdentityProviderHealthCheck(IHttpClientFactory clients, AuthSettings settings, TimeProvider time) : IHealthCheck
{
    public const string HttpClientName = "identity-provider-health";

    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private readonly Lock sync = new();
    private Probe? last;

    // Probes at the same time share one fetch; its answer is kept for KeepFor.
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            var now = time.GetUtcNow();
            if (last is null || last.Until <= now)
            {
                last = new Probe(ProbeAsync(), now + KeepFor);
            }

            return last.Result;
        }
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        var discovery = $"{settings.Authority!.TrimEnd('/')}/.well-known/openid-configuration";
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(discovery));
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded($"The identity provider's discovery document answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            // The client's short timeout (a provider that does not answer at all) counts as not answering.
            return HealthCheckResult.Degraded($"The identity provider at {settings.Authority} does not answer.", exception);
        }
    }

    private sealed record Probe(Task<HealthCheckResult> Result, DateTimeOffset Until);
}
