using System.Diagnostics;
using System.Globalization;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Hosting;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// Someone who signs in: the subject and e-mail the identity provider gives them (the registry decides the rest).
internal sealed record WholeDayPerson(string Subject, string Email, string Name);

// Where the whole day runs: the host's address, how a person's requests say who they are, the host's database (for
// the people, the volume and the receipt count) and how to read the host's CPU and memory. In process that is the
// benchmark scheme's headers and this process; out of process the bundled identity provider's session cookie and
// the host's own PID (OutOfProcessHost).
internal sealed record WholeDayTarget(
    string Placement,
    Uri Address,
    BenchDatabase Database,
    Func<WholeDayPerson, IReadOnlyDictionary<string, string>> Credentials,
    Func<HostUsageSample> Usage)
{
    public static WholeDayTarget InProcess(Uri address, BenchDatabase database) => new(
        "in-process",
        address,
        database,
        person => new Dictionary<string, string>
        {
            [BenchmarkAuthenticationHandler.SubjectHeader] = person.Subject,
            [BenchmarkAuthenticationHandler.EmailHeader] = person.Email,
        },
        HostUsageSample.OfThisProcess);
}

// The host's CPU time so far, working set and (when it can be read) managed heap at one moment.
internal readonly record struct HostUsageSample(long At, TimeSpan Cpu, long WorkingSet, long? GcHeap)
{
    // In process the host shares this process with the load: its figures hold both.
    public static HostUsageSample OfThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new(Stopwatch.GetTimestamp(), process.TotalProcessorTime, process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    // Another process by PID, from /proc: utime + stime (fields 14 and 15 after the command) and VmRSS. Its managed
    // heap is not readable from outside without a diagnostics session, so it is left out.
    public static HostUsageSample OfProcess(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new(Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(ticks / 100.0), kib * 1024, null);
    }
}
