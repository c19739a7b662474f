using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Samordning.Workstreams.Pages.Arbeidsstrommer;

namespace Samordning.Workstreams.Dashboard;

// The dashboard is the first page the KMD team opens after a deploy, and its first answer on a new node paid for
// making every query behind it the first time (EF Core's query compilation) and for reading the kept aggregates: the
// slowest first page of a start (docs/benchmarks.md, start-up). Loaded once in the background as soon as the host
// listens, off the readiness path, by the page's own loader (the same queries, the unfiltered view the page asks
// first); a request that comes while it runs shares the snapshot's single read (DashboardSnapshot). A database that
// does not answer yet is left to the first request, as before.
internal sealed partial class DashboardWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<DashboardWarmUp> logger)
    : WarmUpAfterStart
{
    protected override async Task WarmAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var page = ActivatorUtilities.CreateInstance<IndexModel>(scope.ServiceProvider);
            await page.OnGetAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // Stopped before it finished.
        }
        catch (Exception exception)
        {
            LogWarmUpFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loading the dashboard at start-up failed; its first request loads it")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
