using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Hosting;

// The real host (Program.cs and everything it composes) on Kestrel, on 127.0.0.1 with a port the OS picks, so
// requests cross a real socket and the whole HTTP stack, not the in-memory TestServer. It gets a fresh data folder
// (migrated and seeded at start-up as in development), no Hangfire server (its polling would compete for the CPU
// being measured) and the benchmark authentication scheme.
internal sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"samordning-bench-{Guid.NewGuid():N}");
    private readonly IReadOnlyList<IScenario> scenarios;
    private readonly IReadOnlyDictionary<string, string> settings;

    private BenchmarkHost(IReadOnlyList<IScenario> scenarios, IReadOnlyDictionary<string, string> settings)
    {
        this.scenarios = scenarios;
        this.settings = settings;
        Directory.CreateDirectory(dataFolder);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public const string EnvironmentName = "Benchmark";

    public Uri Address { get; private set; } = null!;

    // Settings name the database when it is not the data folder's SQLite files (see PostgresRun), and the backplane
    // when several hosts serve one meeting (TwoNodeFanOutBenchmark).
    public static BenchmarkHost Start(IReadOnlyList<IScenario> scenarios, IReadOnlyDictionary<string, string> settings)
    {
        var host = new BenchmarkHost(scenarios, settings);
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        host.Address = new Uri(addresses.Single());
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: that environment adds what production never runs per request (the developer exception
        // page, DI scope validation). Not Production either, where the bundled identity provider refuses to run;
        // it stays in the pipeline here, so the subject still pays for it. The development settings (demo
        // accounts, seeded people and demo data) are loaded explicitly.
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((context, configuration) =>
            configuration.AddJsonFile(Path.Combine(context.HostingEnvironment.ContentRootPath, $"appsettings.{Environments.Development}.json"), optional: false));
        builder.UseSetting("Database:DataFolder", dataFolder);
        builder.UseSetting("Jobs:RunServer", "false");

        // The deadline rush sends far more than one address may send to the public form in a minute.
        builder.UseSetting("RateLimiting:PublicPermitsPerMinute", "10000000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddBenchmarkAuthentication();
            services.AddSingleton<BenchmarkClock>();
            services.AddSingleton<IClock>(sp => sp.GetRequiredService<BenchmarkClock>());
            services.AddSingleton<BenchDatabase>();
            foreach (var scenario in scenarios)
            {
                scenario.ConfigureHost(services);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // Pooled connections keep the files open; release them so the folder can go.
        SqliteConnection.ClearAllPools();

        // For looking at the data (query plans, sizes) after a run.
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_DATA") == "1")
        {
            Console.WriteLine($"Data kept in {dataFolder}");
            GC.SuppressFinalize(this);
            return;
        }

        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a finished run for.
        }

        GC.SuppressFinalize(this);
    }
}
