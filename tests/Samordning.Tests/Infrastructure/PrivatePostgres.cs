using System.Diagnostics;
using System.Globalization;

namespace Samordning.Tests.Infrastructure;

// A PostgreSQL cluster of the test's own, on a free loopback port and a temporary folder, for a test that stops the
// database under running hosts: the suite's shared cluster must keep serving the tests that run beside it. Started
// and stopped by build/postgres (as the `postgres` user when the tests run as root), which stops it by the PID in
// its postmaster.pid with a fast shutdown: connections are cut and new ones refused, as when a server goes down.
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    private PrivatePostgres(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    // The server's process while it runs, 0 when stopped.
    public int ProcessId { get; private set; }

    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        // A name no other cluster has; build/postgres makes the folder (owned by the cluster's user) on first start.
        var folder = Path.Combine(Path.GetTempPath(), $"samordning-pg-private-{Guid.NewGuid():N}");
        var cluster = new PrivatePostgres(TestMachine.FreePort(), folder);
        try
        {
            await cluster.StartAgainAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // Starts the cluster (again) on the same port and data folder.
    public async Task StartAgainAsync()
    {
        ConnectionString = (await RunScriptAsync("start")).Trim();
        ProcessId = int.Parse(File.ReadLines(Path.Combine(Folder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
    }

    public async Task StopAsync()
    {
        if (ProcessId == 0)
        {
            return;
        }

        await RunScriptAsync("stop");
        if (IsAlive(ProcessId))
        {
            throw new InvalidOperationException($"PostgreSQL (PID {ProcessId}) did not stop.");
        }

        ProcessId = 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (ProcessId != 0 && IsAlive(ProcessId))
            {
                // It would not stop in time: this process, by its id, and nothing else.
                using var server = Process.GetProcessById(ProcessId);
                server.Kill();
            }

            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<string> RunScriptAsync(string command)
    {
        var start = new ProcessStartInfo(Path.Combine(TestMachine.RepositoryRoot(), "build", "postgres"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(command);
        start.Environment["SAMORDNING_PG_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["SAMORDNING_PG_DIR"] = Folder;
        using var script = Process.Start(start) ?? throw new InvalidOperationException("build/postgres did not start.");
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await script.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException($"build/postgres {command} did not finish within {ScriptTimeout.TotalSeconds} s.");
        }

        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/postgres {command} failed ({script.ExitCode}): {await errors}");
        }

        return await output;
    }
}
