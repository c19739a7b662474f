using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samordning.Benchmarks.Startup;

// The built host (Release) as a process of its own on the embedded default, as build/run starts it: Development
// settings, SQLite files in the given data folder, the bundled identity provider, in-memory jobs, demo data.
// Started with the dotnet muxer, so process start to ready includes the runtime's own start. Stopped by its PID.
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri address, long startedAt)
    {
        this.process = process;
        Address = address;
        StartedAt = startedAt;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    // Stopwatch timestamp taken just before the process was started.
    public long StartedAt { get; }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    // User and system time of the process so far (/proc/PID/stat on Linux).
    public double CpuMilliseconds
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalMilliseconds;
        }
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    // settings: more configuration for the host, as environment variables (a benchmark's database, accounts, limits).
    public static HostProcess Start(string hostDll, string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetExecutable(), [hostDll, "--urls", address.ToString().TrimEnd('/'), "--Database:DataFolder", dataFolder])
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The step timings ModuleStartup logs at Debug (what a start spent its time on).
        start.Environment["Logging__LogLevel__Samordning.Startup"] = "Debug";

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        var host = new HostProcess(process, address, startedAt);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    // SIGTERM to this PID (the host's graceful shutdown), then SIGKILL if it has not gone within the timeout.
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    // The same dotnet that runs the benchmark (build/bench starts it with `dotnet`).
    private static string DotnetExecutable() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
