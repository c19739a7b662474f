using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Web;

internal static class HealthChecks
{
    public const string Ready = "ready";

    public static IServiceCollection AddSamordningHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoresHealthCheck>("stores", tags: [Ready]);
        return services;
    }

    // Live: the process answers. Ready: every module store answers too. Both are open, like a load balancer needs.
    public static void MapSamordningHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }

    private sealed class StoresHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var scope = scopes.CreateAsyncScope();
            var failed = new List<string>();
            foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    failed.Add(database.Store);
                }
            }

            return failed.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Stores not reachable: {string.Join(", ", failed)}");
        }
    }
}
