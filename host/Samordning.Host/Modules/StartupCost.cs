using System.Runtime;

namespace Samordning.Host.Modules;

// What a start cost the process until a point, from the runtime's own counters: wall time since the process
// started, CPU time (all threads), and how much of it the JIT compiled. The JIT share says whether a slow start
// is code being compiled (ReadyToRun helps) or work being done (docs/benchmarks.md, Start-up).
internal static partial class StartupCost
{
    // The category every start-up step logs under (the benchmark turns it to Debug and keeps its lines).
    public const string Category = "Samordning.Startup";

    public static void Log(ILogger logger, string point) => Log(logger, point, Read);

    // The counters are read only when the line is written: reading the process's times is a system call (and
    // allocates a Process), which a start at the usual Information level should not pay three times.
    internal static void Log(ILogger logger, string point, Func<StartupCounters> read)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var counters = read();
        LogCost(logger, point, counters.WallMs, counters.CpuMs, counters.JitMethods, counters.JitMs, GCSettings.IsServerGC ? "server" : "workstation");
    }

    private static StartupCounters Read()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new(
            (DateTime.Now - process.StartTime).TotalMilliseconds,
            process.TotalProcessorTime.TotalMilliseconds,
            JitInfo.GetCompiledMethodCount(),
            JitInfo.GetCompilationTime().TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up: {Point} at {Wall:0} ms since the process started, {Cpu:0} ms CPU; JIT {Methods} methods in {Jit:0} ms; {Gc} GC")]
    private static partial void LogCost(ILogger logger, string point, double wall, double cpu, long methods, double jit, string gc);
}

internal readonly record struct StartupCounters(double WallMs, double CpuMs, long JitMethods, double JitMs);
