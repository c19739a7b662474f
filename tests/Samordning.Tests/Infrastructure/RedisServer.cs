using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Samordning.Tests.Infrastructure;

// A real redis-server on a free loopback port, for the SignalR backplane tests. Nothing is persisted, and the
// process started here (by its PID, nothing else) is killed when the fixture ends.
public sealed class RedisServer : IAsyncLifetime
{
    private const string Executable = "/usr/bin/redis-server";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private int serverPid;

    public int Port { get; private set; }

    public string Configuration => $"127.0.0.1:{Port}";

    public async ValueTask InitializeAsync()
    {
        Port = FreePort();
        await StartAsync();
    }

    // Starts the server again on the same port after StopAsync (a test of Redis coming back).
    public async Task StartAgainAsync()
    {
        if (serverPid == 0)
        {
            await StartAsync();
        }
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        serverPid = process.Id;

        // Drain the output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilAnsweringAsync(process);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    // Stops the server (a test of Redis going away), at most once.
    public async Task StopAsync()
    {
        var pid = Interlocked.Exchange(ref serverPid, 0);
        if (pid == 0)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilAnsweringAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} before answering.");
            }

            try
            {
                var options = ConfigurationOptions.Parse(Configuration);
                options.ConnectTimeout = 1000;
                options.AbortOnConnectFail = true;
                await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (!timeout.IsCancellationRequested)
            {
                // Not listening yet: poll again shortly. This waits for a process to come up, not for a result.
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
