using Microsoft.Extensions.Hosting;

namespace Samordning.Shared.Modules;

/// <summary>
/// Work a new node does once, in the background, as soon as it listens (after every hosted service has started),
/// so that the first person to ask does not pay for it, and off the readiness path. A warm-up must never throw: what it
/// cannot do is left to the first request.
/// </summary>
public abstract class WarmUpAfterStart : IHostedLifecycleService
{
    /// <summary>The warm-up once started, for tests to wait on.</summary>
    public Task Warming { get; private set; } = Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Warming = Task.Run(WarmAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>The work itself.</summary>
    protected abstract Task WarmAsync();

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
