using System.Diagnostics;
using System.Globalization;

namespace Samordning.Benchmarks.Harness;

// CPU time spent so far by this process (the host and the load generator share it) and by the database server's
// processes on this machine (PostgreSQL: the run's server, its postmaster and the processes it started, once
// DatabaseServerPid names it, else every process named "postgres", other clusters on the machine too; SQLite runs
// inside this process). Two
// samples around a phase, divided by its requests, give CPU per request: unlike req/s it barely moves when other
// work shares the machine, so it says where a side spends its time even on a loaded machine. A server backend that
// starts and exits inside a phase is missed; the pools keep theirs open, so that is rare.
internal readonly record struct CpuSample(TimeSpan Process, TimeSpan Database)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private static readonly Process Current = System.Diagnostics.Process.GetCurrentProcess();

    /// <summary>The postmaster of the run's PostgreSQL server, when known (PostgresRun sets it).</summary>
    public static int? DatabaseServerPid { get; set; }

    /// <summary>The parent of a process on this machine, or null when it cannot be read.</summary>
    public static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static CpuSample Take()
    {
        Current.Refresh();
        return new(Current.TotalProcessorTime, DatabaseServer());
    }

    public static CpuSample operator -(CpuSample after, CpuSample before) => new(after.Process - before.Process, after.Database - before.Database);

    private static TimeSpan DatabaseServer()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ... utime(14) stime(15) ..."; comm may hold spaces, so
                // fields are counted after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                if (DatabaseServerPid is { } server && Path.GetFileName(directory) != server.ToString(CultureInfo.InvariantCulture)
                    && fields[1] != server.ToString(CultureInfo.InvariantCulture))
                {
                    continue;
                }

                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while it was read, or it is not ours to read.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
