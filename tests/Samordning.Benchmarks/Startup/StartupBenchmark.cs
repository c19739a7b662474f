using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Samordning.Benchmarks.Harness;

namespace Samordning.Benchmarks.Startup;

// Issue 19, point 6: from process start to ready on the embedded default with existing data, and the first page
// afterwards (aims: under 3 s and under 200 ms). A first start creates and seeds the data folder and is stopped;
// then each measured start runs the built host as its own process on that data, waits until /health/ready answers
// 200 (Kestrel listens, every store takes a write, the bundled identity provider has registered its client), and
// asks for each page once, in order, as the first visitor would: public pages, a page that challenges (302 to the
// identity provider), the sign-in round trip, and a page signed in. Each process is stopped by its PID.
internal static partial class StartupBenchmark
{
    public const string Name = "startup";

    public const double ReadyAimMilliseconds = 3000;

    public const double FirstPageAimMilliseconds = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // What a first visitor asks for, in order; the sign-in steps follow the redirects the challenge starts.
    private static readonly string[] PublicPages = ["/", "/innspill", "/prosess"];
    private const string SignedInPage = "/arbeidsstrommer";
    private const string Account = "kari.koordinator@kmd.example.no";

    public static async Task<StartupReport> RunAsync(string repositoryRoot, int starts, TextWriter log, CancellationToken cancellationToken)
    {
        // BENCH_HOST names another build of the host: an earlier release's to compare with, or build/publish's
        // ReadyToRun output (artifacts/publish/Samordning.Host.dll), which is what a release runs.
        var hostDll = Environment.GetEnvironmentVariable("BENCH_HOST") is { Length: > 0 } other
            ? Path.GetFullPath(other)
            : Path.Combine(repositoryRoot, "host", "Samordning.Host", "bin", "Release", "net10.0", "Samordning.Host.dll");
        if (!File.Exists(hostDll))
        {
            throw new InvalidOperationException($"No Release build of the host at {hostDll}; build/bench builds it.");
        }

        var dataFolder = Path.Combine(Path.GetTempPath(), $"samordning-startup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataFolder);
        var loadBefore = Reports.LoadAverage();
        try
        {
            // The existing data: created, migrated and seeded by a first start, which is not measured.
            var seeding = await MeasureAsync(hostDll, dataFolder, log, cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Name}] first start (creates and seeds {dataFolder}): ready in {seeding.ReadyMilliseconds:0} ms, pid {seeding.ProcessId}"));

            var measured = new List<StartupRun>();
            for (var i = 0; i < starts; i++)
            {
                var run = await MeasureAsync(hostDll, dataFolder, log, cancellationToken);
                measured.Add(run);
                var requests = string.Join(", ", run.Requests.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Label} {(int)r.Status} {r.Milliseconds:0} ms")));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{Name}] start {i + 1}/{starts}, pid {run.ProcessId}: listening {run.ListeningMilliseconds:0} ms, ready {run.ReadyMilliseconds:0} ms (CPU {run.ReadyCpuMilliseconds:0} ms); {requests}"));
            }

            return new StartupReport(DateTimeOffset.UtcNow, hostDll, loadBefore, Reports.LoadAverage(), ReadyAimMilliseconds, FirstPageAimMilliseconds, seeding, measured);
        }
        finally
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not worth failing a finished run for.
            }
        }
    }

    private static async Task<StartupRun> MeasureAsync(string hostDll, string dataFolder, TextWriter log, CancellationToken cancellationToken)
    {
        await using var host = HostProcess.Start(hostDll, dataFolder);
        try
        {
            var (listening, ready, readyCpu) = await WaitUntilReadyAsync(host, cancellationToken);
            var requests = await FirstRequestsAsync(host.Address, cancellationToken);
            var cpu = host.CpuMilliseconds;
            await host.StopAsync();
            return new StartupRun(host.Id, listening, ready, readyCpu, cpu, requests, StartupSteps(host.Output));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await host.StopAsync();
            await log.WriteLineAsync($"[{Name}] host output:\n{host.Output}");
            throw;
        }
    }

    // Polls /health/ready every 5 ms from the moment the process is started: the first answer of any kind is when
    // Kestrel listens, the first 200 is ready.
    private static async Task<(double Listening, double Ready, double ReadyCpu)> WaitUntilReadyAsync(HostProcess host, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        double? listening = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(120 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (host.ExitCode is { } code)
            {
                throw new InvalidOperationException($"The host (pid {host.Id}) exited with code {code} before it was ready.\n{host.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                var at = Stopwatch.GetElapsedTime(host.StartedAt).TotalMilliseconds;
                listening ??= at;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (listening.Value, at, host.CpuMilliseconds);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5, cancellationToken);
        }

        throw new TimeoutException($"The host (pid {host.Id}) was not ready within 120 s.\n{host.Output}");
    }

    private static async Task<IReadOnlyList<FirstRequest>> FirstRequestsAsync(Uri address, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var requests = new List<FirstRequest>();

        async Task<(HttpStatusCode Status, Uri? Location, string Body)> TimeAsync(string label, HttpRequestMessage request, bool page)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            requests.Add(new FirstRequest(label, response.StatusCode, elapsed, page));
            return (response.StatusCode, response.Headers.Location, body);
        }

        foreach (var path in PublicPages)
        {
            var (status, _, _) = await TimeAsync($"GET {path}", new HttpRequestMessage(HttpMethod.Get, path), page: true);
            Expect(status == HttpStatusCode.OK, $"GET {path} answered {(int)status}");
        }

        // The challenge: the OpenID Connect handler's first redirect to the identity provider (its discovery
        // document read then, from this very host).
        var challenge = await TimeAsync($"GET {SignedInPage} (challenge)", new HttpRequestMessage(HttpMethod.Get, SignedInPage), page: true);
        Expect(challenge.Status == HttpStatusCode.Found && challenge.Location is not null, $"GET {SignedInPage} signed out answered {(int)challenge.Status}, not a redirect");

        // The identity provider's authorization endpoint sends a person without its session to its sign-in page.
        var authorize = await TimeAsync("GET /connect/authorize", new HttpRequestMessage(HttpMethod.Get, challenge.Location), page: false);
        Expect(authorize.Status == HttpStatusCode.Found && authorize.Location is not null, $"GET /connect/authorize answered {(int)authorize.Status}");
        var signInPage = new Uri(address, authorize.Location!);
        var form = await TimeAsync("GET /konto/logg-inn", new HttpRequestMessage(HttpMethod.Get, signInPage), page: true);
        Expect(form.Status == HttpStatusCode.OK, $"GET /konto/logg-inn answered {(int)form.Status}");

        var fields = new Dictionary<string, string>
        {
            ["Email"] = Account,
            ["Password"] = "demo",
            ["ReturnUrl"] = WebUtility.HtmlDecode(HiddenValue(form.Body, "ReturnUrl")),
            ["__RequestVerificationToken"] = HiddenValue(form.Body, "__RequestVerificationToken"),
        };
        var posted = await TimeAsync("POST /konto/logg-inn", new HttpRequestMessage(HttpMethod.Post, signInPage) { Content = new FormUrlEncodedContent(fields) }, page: false);
        Expect(posted.Status == HttpStatusCode.Found && posted.Location is not null, $"POST /konto/logg-inn answered {(int)posted.Status}");

        // Back through the authorization endpoint (now signed in there) to the callback, which redeems the code.
        var code = await TimeAsync("GET /connect/authorize (signed in)", new HttpRequestMessage(HttpMethod.Get, new Uri(address, posted.Location!)), page: false);
        Expect(code.Status == HttpStatusCode.Found && code.Location is not null, $"GET /connect/authorize signed in answered {(int)code.Status}");
        var callback = await TimeAsync("GET /signin-oidc", new HttpRequestMessage(HttpMethod.Get, new Uri(address, code.Location!)), page: false);
        Expect(callback.Status == HttpStatusCode.Found, $"GET /signin-oidc answered {(int)callback.Status}");

        var signedIn = await TimeAsync($"GET {SignedInPage} (signed in)", new HttpRequestMessage(HttpMethod.Get, SignedInPage), page: true);
        Expect(signedIn.Status == HttpStatusCode.OK, $"GET {SignedInPage} signed in answered {(int)signedIn.Status}");
        return requests;
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    internal static string HiddenValue(string html, string name)
    {
        foreach (Match input in HiddenInput().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return value.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"The sign-in page has no hidden field {name}.");
    }

    // The lines ModuleStartup and DatabaseMigrator log with their times, for the report.
    private static List<string> StartupSteps(string output) =>
        output.Split('\n').Where(l => l.Contains("Start-up:", StringComparison.Ordinal) || l.Contains("Database store", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

    public static string Table(StartupReport report)
    {
        var text = new StringBuilder();
        var runs = report.Runs;
        Line(text, $"Scenario {Name}: {runs.Count} starts on existing data (load average {report.LoadBefore} before, {report.LoadAfter} after)");
        Line(text, $"  host: {report.HostDll}");
        Line(text, $"  {"",-40} {"p50 ms",9} {"max ms",9}  aim");
        Row(text, "process start -> listening", runs.Select(r => r.ListeningMilliseconds).ToList(), null);
        Row(text, "process start -> ready (/health/ready 200)", runs.Select(r => r.ReadyMilliseconds).ToList(), report.ReadyAimMilliseconds);
        Row(text, "  host CPU until ready", runs.Select(r => r.ReadyCpuMilliseconds).ToList(), null);
        Row(text, "  host CPU until the last first request", runs.Select(r => r.CpuMilliseconds).ToList(), null);
        foreach (var label in runs.SelectMany(r => r.Requests).Select(r => r.Label).Distinct())
        {
            var page = runs.SelectMany(r => r.Requests).First(r => r.Label == label).Page;
            Row(text, $"first {label}", runs.Select(r => r.Requests.Single(q => q.Label == label).Milliseconds).ToList(), page ? report.FirstPageAimMilliseconds : null);
        }

        Line(text, $"  PIDs: {string.Join(", ", runs.Select(r => r.ProcessId))} (first start, seeding: {report.Seeding.ProcessId}, ready in {report.Seeding.ReadyMilliseconds:0} ms)");
        return text.ToString();
    }

    public static async Task<string> WriteAsync(StartupReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stamp = report.FinishedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var json = Path.Combine(folder, $"{Name}-{stamp}.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, Json), cancellationToken);
        File.Copy(json, Path.Combine(folder, $"{Name}-latest.json"), overwrite: true);
        return json;
    }

    public static bool Met(StartupReport report) =>
        Median(report.Runs.Select(r => r.ReadyMilliseconds).ToList()) < report.ReadyAimMilliseconds
        && report.Runs.SelectMany(r => r.Requests).Where(r => r.Page).GroupBy(r => r.Label).All(g => Median(g.Select(r => r.Milliseconds).ToList()) < report.FirstPageAimMilliseconds);

    private static void Row(StringBuilder text, string label, IReadOnlyList<double> values, double? aim) =>
        Line(text, $"  {label,-40} {Median(values),9:0} {values.Max(),9:0}  {(aim is { } a ? $"< {a:0} ({(Median(values) < a ? "met" : "NOT met")} at p50)" : "")}");

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}

internal sealed record FirstRequest(string Label, HttpStatusCode Status, double Milliseconds, bool Page);

// CPU: the host process's user and system time until ready, and until the last first request was answered. On a
// machine shared with other work the wall times stretch with the load; the CPU times barely do.
internal sealed record StartupRun(
    int ProcessId, double ListeningMilliseconds, double ReadyMilliseconds, double ReadyCpuMilliseconds, double CpuMilliseconds,
    IReadOnlyList<FirstRequest> Requests, IReadOnlyList<string> Steps);

internal sealed record StartupReport(
    DateTimeOffset FinishedAt, string HostDll, string LoadBefore, string LoadAfter, double ReadyAimMilliseconds, double FirstPageAimMilliseconds,
    StartupRun Seeding, IReadOnlyList<StartupRun> Runs);
