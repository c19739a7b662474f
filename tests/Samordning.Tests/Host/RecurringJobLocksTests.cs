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

    private InMemoryStorage storage = null!;
    private readonly BlockingJob sweep = new("sweep");
    private readonly BlockingJob mail = new("mail");
    private ServiceProvider jobServices = null!;
    private BackgroundJobServer server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        // Hangfire logs through one global provider, which a host disposed by another test may have left behind;
        // set before the storage and the server take their loggers from it.
        LogProvider.SetCurrentLogProvider(new Quiet());
        storage = new InMemoryStorage();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<JobStorage>(storage);
        services.AddSingleton<IRecurringJob>(sweep);
        services.AddSingleton<IRecurringJob>(mail);
        services.AddTransient<RecurringJobRunner>();
        jobServices = services.BuildServiceProvider();
        server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 4, Activator = new AspNetCoreJobActivator(jobServices.GetRequiredService<IServiceScopeFactory>()) },
            storage);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        sweep.Release();
        mail.Release();
        server.SendStop();
        server.Dispose();
        await jobServices.DisposeAsync();
        (storage as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task RunAsync_OtherJobRunning_RunsAtOnce()
    {
        var client = new BackgroundJobClient(storage);
        client.Enqueue<RecurringJobRunner>(r => r.RunAsync("sweep", CancellationToken.None));
        await sweep.Started.Task.WaitAsync(Patience, Ct);

        client.Enqueue<RecurringJobRunner>(r => r.RunAsync("mail", CancellationToken.None));

        await mail.Started.Task.WaitAsync(Patience, Ct);
        Assert.Equal(1, sweep.Runs);
    }

    [Fact]
    public async Task RunAsync_SameJobRunning_SecondRunSkips()
    {
        var client = new BackgroundJobClient(storage);
        client.Enqueue<RecurringJobRunner>(r => r.RunAsync("sweep", CancellationToken.None));
        await sweep.Started.Task.WaitAsync(Patience, Ct);

        var second = client.Enqueue<RecurringJobRunner>(r => r.RunAsync("sweep", CancellationToken.None));

        await WaitUntilSucceededAsync(second);
        Assert.Equal(1, sweep.Runs);
    }

    private async Task WaitUntilSucceededAsync(string jobId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, Ct);
        using var connection = storage.GetConnection();
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
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int runs;

        public string Id => id;

        public string Cron => Hangfire.Cron.Never();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => Volatile.Read(ref runs);

        public void Release() => release.TrySetResult();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            Started.TrySetResult();
            await release.Task;
        }
    }
}
