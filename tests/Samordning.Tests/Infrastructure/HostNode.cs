using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Samordning.Testing;

namespace Samordning.Tests.Infrastructure;

// The real host as a process of its own on 127.0.0.1 (the build of the host project), on a data folder the test
// owns, so a test can kill it outright (SIGKILL) and start another on the same files. Only the process started
// here is ever stopped, by its id.
public sealed partial class HostNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process process;
    private readonly List<string> output = [];

    private HostNode(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId { get; private set; }

    // Started here and not exited (killed by the test, or crashed).
    public bool Running => ProcessId != 0 && !process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    public static async Task<HostNode> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var root = TestMachine.RepositoryRoot();
        var project = Path.Combine(root, "host", "Samordning.Host");
        var assembly = Path.Combine(project, "bin", "Debug", "net10.0", "Samordning.Host.dll");
        var address = new Uri($"http://127.0.0.1:{TestMachine.FreePort()}");
        // Standard input too: the test runner talks to this process over its own, which the host must not share.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__DataFolder"] = dataFolder;
        start.Environment["RateLimiting__PublicPermitsPerMinute"] = "10000";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var node = new HostNode(new Process { StartInfo = start }, address);
        node.process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node.process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node.process.Start();
        node.ProcessId = node.process.Id;
        node.process.BeginOutputReadLine();
        node.process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilReadyAsync(cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    // SIGKILL: no shutdown, no flush, no hosted service stopping; whatever was committed is all there is.
    public async Task KillAsync()
    {
        if (ProcessId == 0)
        {
            return;
        }

        try
        {
            using var running = Process.GetProcessById(ProcessId);
            running.Kill(entireProcessTree: false);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited between the lookup and the kill.
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(patience.Token);
        ProcessId = 0;
    }

    // A client signed in as the demo person through the bundled identity provider, the way a browser does it.
    public Task<HttpClient> SignInAsync(string email, CancellationToken cancellationToken) =>
        SignInAsync(email, new CookieContainer(), cancellationToken);

    // Signs in with the given cookie jar, so the same session can be sent to another node or a hub connection.
    public async Task<HttpClient> SignInAsync(string email, CookieContainer cookies, CancellationToken cancellationToken)
    {
        var client = Client(cookies);
        var response = await client.GetAsync(new Uri("/moter", UriKind.Relative), cancellationToken);
        for (var hop = 0; hop < 10 && response.StatusCode == HttpStatusCode.Redirect; hop++)
        {
            var next = new Uri(Address, response.Headers.Location!);
            response = await client.GetAsync(next, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK && next.AbsolutePath != "/moter")
            {
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                response = await client.PostAsync(next, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value,
                    ["ReturnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(html).Groups[1].Value),
                    ["Email"] = email,
                    ["Password"] = "demo",
                }), cancellationToken);
            }
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signing in as {email} ended with {(int)response.StatusCode}.\n{Output}");
        }

        return client;
    }

    // A client of this node that sends the given cookies and follows no redirects.
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    // Until /health/ready answers 200: after the start, or after an outage the node should recover from.
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        HostReadiness.WaitAsync(Address, () => process.HasExited ? process.ExitCode : null, () => Output, StartTimeout, cancellationToken);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }


    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();
}
