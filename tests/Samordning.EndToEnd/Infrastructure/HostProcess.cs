using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Samordning.EndToEnd.Infrastructure;

// The real host as a separate process, as people run it: its own content root, the development identity
// provider on the address it listens on, and a fresh data folder so every run starts from the seed.
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly string dataFolder;
    private readonly List<string> output = [];

    private HostProcess(Process process, string dataFolder, Uri address)
    {
        this.process = process;
        this.dataFolder = dataFolder;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId { get; private set; }

    // Everything the host wrote so far, to explain a failure that shows only as a page in the browser.
    public string Output => string.Join('\n', LinesFrom(0));

    public int LineCount
    {
        get
        {
            lock (output)
            {
                return output.Count;
            }
        }
    }

    public IReadOnlyList<string> LinesFrom(int start)
    {
        lock (output)
        {
            return output[Math.Min(start, output.Count)..];
        }
    }

    // settings: more host configuration as environment variables (Auth__Authority…); address: where it listens,
    // when something started before it must know (an identity provider's redirect addresses).
    public static async Task<HostProcess> StartAsync(
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null, Uri? address = null)
    {
        if (!File.Exists(RepositoryPaths.HostAssembly))
        {
            throw new InvalidOperationException($"The host is not built: {RepositoryPaths.HostAssembly} is missing.");
        }

        var dataFolder = Directory.CreateTempSubdirectory("samordning-e2e-").FullName;
        address ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.HostProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.HostAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__DataFolder"] = dataFolder;

        // The suite signs in many times from one address within a minute; the sign-in page's rate limit
        // (30 a minute) is meant for people and is tested on its own, so it must not fail a browser test here.
        start.Environment["RateLimiting__PublicPermitsPerMinute"] = "10000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, dataFolder, address);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);

        // A host that dies mid-run (a crash, or a process killed from outside) shows in the browser only as
        // refused connections; this line in the log says what happened.
        process.Exited += (_, _) => host.Append($"(the host process exited with code {process.ExitCode})");
        try
        {
            process.Start();
            host.ProcessId = process.Id;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await host.WaitUntilReadyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One probe timed out while the host was busy migrating; try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"The host at {Address} was not ready within {StartTimeout.TotalSeconds} s.\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (ProcessId != 0)
        {
            try
            {
                using var running = Process.GetProcessById(ProcessId);
                running.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited between the lookup and the kill.
            }

            // Also drains the redirected output, so the log written below is complete; bounded, so a stuck
            // pipe cannot hang the run.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                Append("(the host did not exit within 30 s of being killed)");
            }
        }

        process.Dispose();
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "e2e-host.log"), Output);
        DeleteDataFolder();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    private void DeleteDataFolder()
    {
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the folder is in the temp area.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
