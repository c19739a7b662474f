using System.Globalization;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Harness;

// Command-line options override the BENCH_* environment variables, which override the defaults. The defaults
// finish in about a minute and a half on two cores. The warm-up is long because tiered compilation (with dynamic
// PGO) keeps re-jitting the host's hot path for well over five seconds on two cores; a shorter one made the first
// round read low.
internal sealed record BenchmarkOptions
{
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(7);

    public int Rounds { get; init; } = 4;

    public int Concurrency { get; init; } = 8;

    public string? Scenario { get; init; }

    // --scenario names one scenario, or several separated by commas (they then share one host and one volume).
    public bool Selects(string name) =>
        Scenario is null || Scenario.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal);

    public string? Output { get; init; }

    // The database the host and the floors run on: the SQLite files (default) or PostgreSQL (build/bench starts a
    // throwaway cluster and names it in BENCH_POSTGRES; the run makes a database of its own there and drops it).
    public DatabaseProvider Database { get; init; } = DatabaseProvider.Sqlite;

    // How many initiatives the workstream scenarios run over (issue 19, growth); the default is the realistic 50,000.
    public int? Volume { get; init; }

    // Runs the volume scenarios (or the one named) at each of Volumes, a fresh host and data per volume, and draws
    // latency against volume (GrowthReport).
    public bool Growth { get; init; }

    public IReadOnlyList<int> Volumes { get; init; } = [5_000, 50_000, 500_000];

    // Issue 19, point 5: the headline scenarios (or the one named) also on the host as a process of its own, the
    // load from this one (Hosting/OutOfProcess), reported beside the same measured in process.
    public bool OutOfProcess { get; init; }

    public const string Usage =
        "Usage: Samordning.Benchmarks [--duration SECONDS] [--warmup SECONDS] [--rounds N] [--concurrency N]\n" +
        "                             [--scenario NAME] [--output FOLDER] [--database Sqlite|PostgreSql]\n" +
        "                             [--volume INITIATIVES] [--growth [--volumes 5000,50000,500000]] [--out-of-process]\n" +
        "Environment: BENCH_DURATION, BENCH_WARMUP, BENCH_ROUNDS, BENCH_CONCURRENCY, BENCH_SCENARIO, BENCH_OUTPUT, BENCH_DATABASE,\n" +
        "BENCH_VOLUME, BENCH_VOLUMES, BENCH_GROWTH=1\n" +
        "(and BENCH_POSTGRES, the server's connection string, default the cluster of build/postgres on 127.0.0.1:55432).\n" +
        "Duration is per side and round: each round measures the subject and the floor for that long.\n" +
        "--scenario startup measures start-up instead: --rounds starts of the built host as a process of its own.";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "duration", "warmup", "rounds", "concurrency", "scenario", "output", "database", "volume", "volumes", "growth" })
        {
            if (environment($"BENCH_{name.ToUpperInvariant()}") is { Length: > 0 } value)
            {
                values[name] = value;
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--growth")
            {
                values["growth"] = "1";
                continue;
            }

            if (arg == "--out-of-process")
            {
                values["out-of-process"] = "1";
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }

            values[arg[2..]] = args[++i];
        }

        var options = new BenchmarkOptions();
        foreach (var (name, value) in values)
        {
            options = name switch
            {
                "duration" => options with { Duration = Seconds(name, value) },
                "warmup" => options with { Warmup = Seconds(name, value) },
                "rounds" => options with { Rounds = Positive(name, value) },
                "concurrency" => options with { Concurrency = Positive(name, value) },
                "scenario" => options with { Scenario = value },
                "output" => options with { Output = value },
                "database" => options with { Database = Provider(value) },
                "volume" => options with { Volume = Positive(name, value) },
                "volumes" => options with { Volumes = [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => Positive(name, v))] },
                "growth" => options with { Growth = value is "1" or "true" },
                "out-of-process" => options with { OutOfProcess = true },
                _ => throw new ArgumentException($"Unknown option '--{name}'."),
            };
        }

        return options;
    }

    private static TimeSpan Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--{name} must be a positive number of seconds, not '{value}'.");

    private static DatabaseProvider Provider(string value) =>
        Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && provider is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql
            ? provider
            : throw new ArgumentException($"--database must be Sqlite or PostgreSql, not '{value}'.");

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"--{name} must be a positive whole number, not '{value}'.");
}
