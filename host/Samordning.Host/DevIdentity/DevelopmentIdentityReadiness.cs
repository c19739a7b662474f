using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Samordning.Host.DevIdentity;

// The host is not ready to sign anyone in until it has registered itself as a client of its own development
// identity provider, which happens only once the server listens; /health/ready waits for it.
internal sealed class DevelopmentIdentityReadiness : IHealthCheck
{
    private volatile bool ready;

    public void MarkReady() => ready = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ready
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The development identity provider has not registered its client yet."));
}
