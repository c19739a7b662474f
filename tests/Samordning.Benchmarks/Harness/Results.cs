namespace Samordning.Benchmarks.Harness;

// One side (subject or floor) of a scenario, over every measured round.
internal sealed record SideResult(
    string Description,
    long Requests,
    long Errors,
    double Seconds,
    double RequestsPerSecond,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    IReadOnlyList<double> RoundRequestsPerSecond,
    string? FirstError,
    // CPU per request (CpuSample): of this process (host and load generator) and of the database server's processes.
    double? ProcessCpuMillisecondsPerRequest = null,
    double? DatabaseCpuMillisecondsPerRequest = null);

internal sealed record ScenarioResult(
    string Name,
    SideResult? Subject,
    SideResult? Floor,
    double? Ratio,
    IReadOnlyList<double> RoundRatios,
    double Aim,
    bool? AimMet,
    string? Failure,
    double? P95AimMilliseconds = null)
{
    public bool? P95AimMet => P95AimMilliseconds is { } aim && Subject is { } subject ? subject.P95Milliseconds < aim : null;

    public bool Failed => Failure is not null || Subject is not { Errors: 0 } || Floor is not { Errors: 0 };
}

internal sealed record MachineInfo(
    string Os,
    string Runtime,
    string Architecture,
    int ProcessorCount,
    string? ProcessorModel,
    bool ServerGc,
    string Configuration);

internal sealed record RunSettings(double WarmupSeconds, double DurationSeconds, int Rounds, int Concurrency, string Database = "Sqlite");

internal sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    RunSettings Settings,
    IReadOnlyList<ScenarioResult> Scenarios);
