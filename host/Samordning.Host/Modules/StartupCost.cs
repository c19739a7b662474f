using System.Runtime;

namespace Samordning.Host.Modules;

// What a start cost the process until a point, from the runtime's own counters: wall time since the process
// started, CPU time (all threads), and how much of it the JIT compiled. The JIT share says whether a slow start
// is code being compiled (ReadyToRun helps) or work being done (docs/benchmarks.md, Start-up).
internal static partial class StartupCost
{
    // The category every start-up step logs under (the benchmark turns it to Debug and keeps its lines).
    public const string Category = "Samordning.Startup";

    public static void Log(ILogger logger, string point)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var wall = DateTime.Now - process.StartTime;
        LogCost(
            logger,
            point,
            wall.TotalMilliseconds,
            process.TotalProcessorTime.TotalMilliseconds,
            JitInfo.GetCompiledMethodCount(),
            JitInfo.GetCompilationTime().TotalMilliseconds,
            GCSettings.IsServerGC ? "server" : "workstation");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up: {Point} at {Wall:0} ms since the process started, {Cpu:0} ms CPU; JIT {Methods} methods in {Jit:0} ms; {Gc} GC")]
    private static partial void LogCost(ILogger logger, string point, double wall, double cpu, long methods, double jit, string gc);
}
