using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Samordning.Testing;

namespace Samordning.EndToEnd.Infrastructure;

// The real host as a separate process, as people run it: its own content root, the development identity
// provider on the address it listens on, and a fresh data folder so every run starts from the seed.
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ChildProcess process;
    private readonly string dataFolder;

    private HostProcess(ChildProcess process, string dataFolder, Uri address)
    {
        this.process = process;
        this.dataFolder = dataFolder;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => process.ProcessId;

    // Everything the host wrote so far, to explain a failure that shows only as a page in the browser.
    public string Output => process.Output;

    public int LineCount => process.LineCount;

    public IReadOnlyList<string> LinesFrom(int start) => process.LinesFrom(start);

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
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.HostProject };
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

        var host = new HostProcess(new ChildProcess("host", start), dataFolder, address);
        try
        {
            host.process.Start();
            await host.WaitUntilReadyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        HostReadiness.WaitAsync(Address, () => process.HasExited ? process.ExitCode : null, () => Output, StartTimeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await process.StopAsync();
        process.Dispose();
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "e2e-host.log"), Output);
        DeleteDataFolder();
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
