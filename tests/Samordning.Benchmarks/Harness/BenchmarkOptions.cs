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

    public string? Output { get; init; }

    // The database the host and the floors run on: the SQLite files (default) or PostgreSQL (build/bench starts a
    // throwaway cluster and names it in BENCH_POSTGRES; the run makes a database of its own there and drops it).
    public DatabaseProvider Database { get; init; } = DatabaseProvider.Sqlite;

    public const string Usage =
        "Usage: Samordning.Benchmarks [--duration SECONDS] [--warmup SECONDS] [--rounds N] [--concurrency N]\n" +
        "                             [--scenario NAME] [--output FOLDER] [--database Sqlite|PostgreSql]\n" +
        "Environment: BENCH_DURATION, BENCH_WARMUP, BENCH_ROUNDS, BENCH_CONCURRENCY, BENCH_SCENARIO, BENCH_OUTPUT, BENCH_DATABASE\n" +
        "(and BENCH_POSTGRES, the server's connection string, default the cluster of build/postgres on 127.0.0.1:55432).\n" +
        "Duration is per side and round: each round measures the subject and the floor for that long.";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "duration", "warmup", "rounds", "concurrency", "scenario", "output", "database" })
        {
            if (environment($"BENCH_{name.ToUpperInvariant()}") is { Length: > 0 } value)
            {
                values[name] = value;
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
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
