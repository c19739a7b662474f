using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Scenarios.WholeDay;
using Samordning.Benchmarks.Startup;

namespace Samordning.Benchmarks.Hosting.OutOfProcess;

// Issue 19, point 5: the built Release host as a process of its own (HostProcess, stopped by its PID), the load from
// this one, so the host's CPU is its own and the generator's is not charged to it. The host runs as build/run starts
// it (Development settings: the bundled identity provider, demo data) with what the benchmark needs on top, each from
// configuration: the run's database, no Hangfire server, the public rate limit raised for the deadline rush, and the
// whole day's people as accounts of the identity provider. People sign in through that provider (BundledSignIn).
internal sealed class OutOfProcessHost : IAsyncDisposable
{
    private readonly HostProcess process;
    private readonly string dataFolder;
    private readonly ConcurrentDictionary<string, string> sessions = new(StringComparer.Ordinal);

    private OutOfProcessHost(HostProcess process, string dataFolder, BenchDatabase database)
    {
        this.process = process;
        this.dataFolder = dataFolder;
        Database = database;
    }

    public const string Password = "benchmark-demo";

    public Uri Address => process.Address;

    public int ProcessId => process.Id;

    public BenchDatabase Database { get; }

    public string DataFolder => dataFolder;

    public static async Task<OutOfProcessHost> StartAsync(string hostDll, IReadOnlyDictionary<string, string> databaseSettings, TextWriter log, CancellationToken cancellationToken)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), $"samordning-bench-oop-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataFolder);
        var settings = new Dictionary<string, string>(databaseSettings)
        {
            ["Jobs:RunServer"] = "false",
            ["RateLimiting:PublicPermitsPerMinute"] = "10000000",
            ["DevelopmentIdentity:Password"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
        };

        // After the eight demo accounts of appsettings.Development.json (a list binds by index).
        foreach (var (index, person) in WholeDayCast.Accounts.Index())
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"DevelopmentIdentity:Accounts:{100 + index}");
            settings[$"{key}:Subject"] = person.Subject;
            settings[$"{key}:Email"] = person.Email;
            settings[$"{key}:Name"] = person.Name;
        }

        var process = HostProcess.Start(hostDll, dataFolder, settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(databaseSettings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
        {
            ["Database:DataFolder"] = dataFolder,
        }).Build();
        var host = new OutOfProcessHost(process, dataFolder, new BenchDatabase(configuration));
        await host.WaitUntilReadyAsync(cancellationToken);
        log.WriteLine($"[out-of-process] host pid {process.Id} ready on {process.Address} (data in {dataFolder})");
        return host;
    }

    public HostUsageSample Usage() => HostUsageSample.OfProcess(process.Id);

    // Signs everyone in once (eight at a time), before the load: a session lasts the run.
    public async Task SignInAsync(IEnumerable<WholeDayPerson> people, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(8);
        var everyone = people.DistinctBy(p => p.Email).ToList();
        await Task.WhenAll(everyone.Select(async person =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                sessions[person.Email] = await BundledSignIn.SessionCookieAsync(Address, person.Email, Password, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[out-of-process] {everyone.Count} people signed in through the bundled identity provider in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    public WholeDayTarget Target() => new(
        "out-of-process",
        Address,
        Database,
        person => new Dictionary<string, string> { ["Cookie"] = sessions.TryGetValue(person.Email, out var cookie) ? cookie : throw new InvalidOperationException($"{person.Email} has not signed in.") },
        Usage);

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a finished run for.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.GetTimestamp() + (180 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.ExitCode is { } code)
            {
                throw new InvalidOperationException($"The host (pid {process.Id}) exited with code {code}.\n{process.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The host (pid {process.Id}) was not ready within 180 s.\n{process.Output}");
    }
}
