using System.Diagnostics;
using System.Globalization;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.LiveFanOut;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// Issue 19, point 4: a whole day at once, for --duration (60 s in docs/benchmarks.md) on the realistic volume: 15
// ministries' contact persons updating initiatives and answering the open round, the KMD team on the dashboard,
// the initiative list and search, a live meeting of 300 participants with 2 notes a second, and a deadline rush of
// 100 submissions a second on the public form. Absolute aims (there is no floor for a mix): every operation's p99
// under 250 ms, no error, every note delivered once and in sequence, every receipt stored exactly once. The host's
// CPU and memory are sampled every second. A warm-up of the same mix (shorter, a smaller meeting) goes first and is
// checked for receipts too, but not counted in the latencies.
internal static class WholeDayBenchmark
{
    public const string Name = "whole-day";
    public const double P99AimMilliseconds = 250;
    public const double NotesPerSecond = 2;

    public static async Task<WholeDayResult> RunAsync(WholeDayTarget target, VolumeSummary volume, BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var cast = await WholeDayCast.CastAsync(target.Database, volume.MinistriesByInitiatives, cancellationToken);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = target.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var requests = new WholeDayRequests(client, target);
        var meeting = WholeDayMeeting.Side(cast, target, client);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{Name}] {target.Placement}, {options.Database}: {cast.Contacts.Count} contact persons ({cast.Contacts.Sum(c => c.Initiatives.Count):N0} running initiatives), {WholeDayWork.KmdTeam} of the KMD team, {cast.Participants.Count} in the live meeting, {WholeDayWork.SubmissionsPerSecond} submissions/s; {options.Duration.TotalSeconds:0} s"));

        var warmUp = TimeSpan.FromSeconds(Math.Min(options.Warmup.TotalSeconds, 10));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Name}] warm-up {warmUp.TotalSeconds:0} s (not counted)"));
        using var warm = new WholeDayWork(cast, requests, new OperationLog(), target.Address);
        await warm.PrepareAsync(cancellationToken);
        await DayAsync(warm, meeting, 30, warmUp, cancellationToken);
        var warmReceipts = await WholeDayReceipts.CountAsync(target.Database, warm, cancellationToken);

        var loadBefore = Reports.LoadAverage();
        var operations = new OperationLog();
        using var work = new WholeDayWork(cast, requests, operations, target.Address);
        await work.PrepareAsync(cancellationToken);
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var usage = SampleAsync(target, sampling.Token);
        var (meetingResult, elapsed) = await DayAsync(work, meeting, cast.Participants.Count, options.Duration, cancellationToken);
        await sampling.CancelAsync();
        var samples = await usage;
        var receipts = await WholeDayReceipts.CountAsync(target.Database, work, cancellationToken);

        return new WholeDayResult(
            Name, target.Placement, options.Database.ToString(), DateTimeOffset.UtcNow, options.Duration.TotalSeconds, loadBefore, Reports.LoadAverage(),
            operations.Results(elapsed, P99AimMilliseconds), meetingResult, receipts, warmReceipts, HostUsage.From(samples));
    }

    // Everyone at once until the time is up; the meeting publishes for the time once its clients have joined.
    private static async Task<(FanOutResult Meeting, TimeSpan Elapsed)> DayAsync(WholeDayWork work, FanOutSide meeting, int participants, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var people = work.Start(deadline, cancellationToken);
        var live = FanOutRunner.RunAsync(meeting, "subject", participants, NotesPerSecond, duration, cancellationToken, new FanOutConnecting(Batch: 50, Grace: TimeSpan.FromSeconds(30)));
        await Task.WhenAll(people);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (await live, elapsed);
    }

    private static async Task<List<HostUsageSample>> SampleAsync(WholeDayTarget target, CancellationToken cancellationToken)
    {
        var samples = new List<HostUsageSample> { target.Usage() };
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                samples.Add(target.Usage());
            }
        }
        catch (OperationCanceledException)
        {
            samples.Add(target.Usage());
        }

        return samples;
    }
}
