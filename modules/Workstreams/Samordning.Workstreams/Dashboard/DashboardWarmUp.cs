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
    : IHostedLifecycleService
{
    // The load, for tests to wait on.
    internal Task Warming { get; private set; } = Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Warming = Task.Run(WarmAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task WarmAsync()
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

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
