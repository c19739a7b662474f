using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Host.Jobs;
using Samordning.Shared.Jobs;

namespace Samordning.Tests.Host;

// Recurring jobs run through a real Hangfire server (in-memory storage), as the host runs them: each job has a
// lock of its own, so one that runs long holds up only a second run of itself.
public sealed class RecurringJobLocksTests : IAsyncLifetime
{
    // Generous: a job normally starts in milliseconds; the limit only stops a broken test from hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private InMemoryStorage _storage = null!;
    private readonly BlockingJob _sweep = new("sweep");
    private readonly BlockingJob _mail = new("mail");
    private ServiceProvider _services = null!;
    private BackgroundJobServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        // Hangfire logs through one global provider, which a host disposed by another test may have left behind;
        // set before the storage and the server take their loggers from it.
        LogProvider.SetCurrentLogProvider(new Quiet());
        _storage = new InMemoryStorage();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<JobStorage>(_storage);
        services.AddSingleton<IRecurringJob>(_sweep);
        services.AddSingleton<IRecurringJob>(_mail);
        services.AddTransient<RecurringJobRunner>();
        _services = services.BuildServiceProvider();
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 4, Activator = new AspNetCoreJobActivator(_services.GetRequiredService<IServiceScopeFactory>()) },
            _storage);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _sweep.Release();
        _mail.Release();
        _server.SendStop();
        _server.Dispose();
        await _services.DisposeAsync();
        (_storage as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task RunAsync_OtherJobRunning_RunsAtOnce()
    {
        var client = new BackgroundJobClient(_storage);
        client.Enqueue<RecurringJobRunner>(r => r.RunAsync("sweep", CancellationToken.None));
        await _sweep.Started.Task.WaitAsync(Patience, Ct);

        client.Enqueue<RecurringJobRunner>(r => r.RunAsync("mail", CancellationToken.None));

        await _mail.Started.Task.WaitAsync(Patience, Ct);
        Assert.Equal(1, _sweep.Runs);
    }

    [Fact]
    public async Task RunAsync_SameJobRunning_SecondRunSkips()
    {
        var client = new BackgroundJobClient(_storage);
        client.Enqueue<RecurringJobRunner>(r => r.RunAsync("sweep", CancellationToken.None));
        await _sweep.Started.Task.WaitAsync(Patience, Ct);

        var second = client.Enqueue<RecurringJobRunner>(r => r.RunAsync("sweep", CancellationToken.None));

        await WaitUntilSucceededAsync(second);
        Assert.Equal(1, _sweep.Runs);
    }

    private async Task WaitUntilSucceededAsync(string jobId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, Ct);
        using var connection = _storage.GetConnection();
        while (connection.GetStateData(jobId)?.Name != "Succeeded")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), both.Token);
        }
    }

    private sealed class Quiet : ILogProvider, ILog
    {
        public ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    // A job that runs until the test releases it.
    private sealed class BlockingJob(string id) : IRecurringJob
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public string Id => id;

        public string Cron => Hangfire.Cron.Never();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => Volatile.Read(ref _runs);

        public void Release() => _release.TrySetResult();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            await _release.Task;
        }
    }
}
