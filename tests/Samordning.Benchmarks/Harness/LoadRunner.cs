using System.Diagnostics;

namespace Samordning.Benchmarks.Harness;

// A closed-loop load generator: N workers each run the operation back to back for a fixed time. Warm-up first
// (JIT tiers, connection pools, caches), then rounds that measure subject and floor alternately, swapping which
// goes first each round, so drift in the machine (thermal, other load) falls on both sides alike.
internal sealed class LoadRunner(BenchmarkOptions options, TextWriter log)
{
    // A request that hangs must not hang the run; it is cancelled this long after the phase ends.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public async Task<ScenarioResult> RunAsync(IScenario scenario, ScenarioContext context, CancellationToken cancellationToken)
    {
        try
        {
            await scenario.PrepareAsync(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ScenarioResult(scenario.Name, null, null, null, [], scenario.Aim, null, $"Preparation failed: {exception.Message}");
        }

        log.WriteLine($"[{scenario.Name}] warm-up {options.Warmup.TotalSeconds:0.#} s per side, then until the JIT settles");
        await RunPhaseAsync(scenario.RunSubjectAsync, options.Warmup, cancellationToken);
        await RunPhaseAsync(scenario.RunFloorAsync, options.Warmup, cancellationToken);
        await WarmUntilCompiledAsync(scenario, cancellationToken);

        var subject = new List<Phase>();
        var floor = new List<Phase>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var subjectFirst = round % 2 == 1;
            var first = await RunPhaseAsync(subjectFirst ? scenario.RunSubjectAsync : scenario.RunFloorAsync, options.Duration, cancellationToken);
            var second = await RunPhaseAsync(subjectFirst ? scenario.RunFloorAsync : scenario.RunSubjectAsync, options.Duration, cancellationToken);
            var (s, f) = subjectFirst ? (first, second) : (second, first);
            subject.Add(s);
            floor.Add(f);
            log.WriteLine($"[{scenario.Name}] round {round}/{options.Rounds}: subject {s.RequestsPerSecond:0} req/s, floor {f.RequestsPerSecond:0} req/s, ratio {Ratio(s, f):0.000}");
        }

        string? failure = null;
        try
        {
            await scenario.VerifyAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure = $"Verification after measuring failed: {exception.Message}";
        }

        var subjectResult = Summarize(scenario.Subject, subject);
        var floorResult = Summarize(scenario.Floor, floor);
        double? ratio = floorResult.RequestsPerSecond > 0 ? subjectResult.RequestsPerSecond / floorResult.RequestsPerSecond : null;
        var roundRatios = subject.Zip(floor, Ratio).ToList();
        return new ScenarioResult(scenario.Name, subjectResult, floorResult, ratio, roundRatios, scenario.Aim, ratio >= scenario.Aim, failure, scenario.P95AimMilliseconds);
    }

    // Tiered compilation recompiles hot methods in the background, and on a busy machine that takes longer than a
    // fixed warm-up: the product's side has far more methods than its floor, so measuring while they are still
    // being recompiled charges the JIT to the product (27 % of its samples in one PostgreSQL entry-write run). So
    // each side runs on in one-second slices until a slice compiles almost nothing (at most 60 s more).
    private async Task WarmUntilCompiledAsync(IScenario scenario, CancellationToken cancellationToken)
    {
        const int SettledMethods = 10;
        var slice = TimeSpan.FromSeconds(1);
        foreach (var (side, operation) in new[] { ("subject", (Func<CancellationToken, Task>)scenario.RunSubjectAsync), ("floor", scenario.RunFloorAsync) })
        {
            var started = Stopwatch.GetTimestamp();
            long compiled;
            do
            {
                var before = System.Runtime.JitInfo.GetCompiledMethodCount();
                await RunPhaseAsync(operation, slice, cancellationToken);
                compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            }
            while (compiled > SettledMethods && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60));

            log.WriteLine($"[{scenario.Name}] {side} warm after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s more ({compiled} methods compiled in the last second)");
        }
    }

    private static double Ratio(Phase subject, Phase floor) =>
        floor.RequestsPerSecond > 0 ? subject.RequestsPerSecond / floor.RequestsPerSecond : 0;

    private async Task<Phase> RunPhaseAsync(Func<CancellationToken, Task> operation, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(duration + Grace);
        var cpuBefore = CpuSample.Take();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(operation, deadline, timeout.Token), CancellationToken.None))
            .ToArray();
        var results = await Task.WhenAll(workers);

        // Until the last in-flight operation ends, not until the deadline: every counted request is inside the time.
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Phase(elapsed, results, CpuSample.Take() - cpuBefore);
    }

    private static async Task<Worker> WorkAsync(Func<CancellationToken, Task> operation, long deadline, CancellationToken cancellationToken)
    {
        var worker = new Worker();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await operation(cancellationToken);
                worker.Latencies.Add(Stopwatch.GetTimestamp() - started);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested || exception is not OperationCanceledException)
            {
                worker.Errors++;
                worker.FirstError ??= $"{exception.GetType().Name}: {exception.Message}";
            }
            catch (OperationCanceledException)
            {
                worker.Errors++;
                worker.FirstError ??= "Timed out: an operation ran past the end of its phase plus the grace period.";
                break;
            }
        }

        return worker;
    }

    private static SideResult Summarize(string description, IReadOnlyList<Phase> phases)
    {
        var latencies = phases.SelectMany(p => p.Workers).SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        var requests = latencies.LongLength;
        var errors = phases.SelectMany(p => p.Workers).Sum(w => w.Errors);
        var seconds = phases.Sum(p => p.Elapsed.TotalSeconds);
        return new SideResult(
            description,
            requests,
            errors,
            seconds,
            requests / seconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            [.. phases.Select(p => p.RequestsPerSecond)],
            phases.SelectMany(p => p.Workers).Select(w => w.FirstError).FirstOrDefault(e => e is not null),
            requests > 0 ? phases.Sum(p => p.Cpu.Process.TotalMilliseconds) / requests : null,
            requests > 0 ? phases.Sum(p => p.Cpu.Database.TotalMilliseconds) / requests : null);
    }

    // Nearest rank on the sorted timestamps; in milliseconds.
    private static double Percentile(long[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    private sealed class Worker
    {
        public List<long> Latencies { get; } = new(capacity: 64 * 1024);

        public long Errors { get; set; }

        public string? FirstError { get; set; }
    }

    private sealed record Phase(TimeSpan Elapsed, IReadOnlyList<Worker> Workers, CpuSample Cpu)
    {
        public double RequestsPerSecond => Workers.Sum(w => w.Latencies.Count) / Elapsed.TotalSeconds;
    }
}
