using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Harness;

namespace Samordning.Benchmarks.Scenarios.PublicPages;

// Issue 18's speed aim: the public pages at the deadline rush. Anonymous GETs, in turn, of the process page
// (/prosess), the public front page of input (/innspill), an open round's public form (/innspill/{id}) and a round's
// published input with KMD's responses (/innspill/{id}/mottatt), on PublicPagesVolume, while submissions arrive
// through the public form all the time (a steady rush, started before the warm-up and stopped after the last round).
// The floor is each page's own bytes, rendered once before measuring, served as a static file by the host's
// UseStaticFiles (StaticFileFloor): the cheapest honest way to answer the same bytes from the same host.
internal sealed partial class PublicPagesScenario : IScenario
{
    // Submissions a second during the measured run (one writer, paced), as a round's last hour brings them.
    private const int SubmissionsPerSecond = 20;

    private readonly StaticFileFloor floor = new();
    private readonly CancellationTokenSource rush = new();
    private string[] pages = [];
    private string[] files = [];
    private int nextSubject = -1;
    private int nextFloor = -1;
    private HttpClient client = null!;
    private Task<int> submissions = Task.FromResult(0);

    public string Name => "public-pages";

    public string Subject => "GET /prosess, /innspill, /innspill/{open round}, /innspill/{round}/mottatt in turn, anonymous, while submissions arrive";

    public string Floor => $"GET {StaticFileFloor.Path}/…: each page's bytes rendered once, served by the host's UseStaticFiles (same pipeline up to the static files)";

    public double Aim => 0.5;

    public void ConfigureHost(IServiceCollection services) => services.AddSingleton<IStartupFilter>(floor);

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var volume = PublicPagesVolume.Realistic;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var rounds = await volume.WriteAsync(context.Client, cancellationToken);
        Console.WriteLine($"[{Name}] volume: {volume} (made through the API in {started.Elapsed.TotalSeconds:0.0} s)");

        // Cookies as a browser: the form's antiforgery cookie goes with every submission. No credentials: anonymous.
        client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = context.Client.BaseAddress,
        };
        pages = ["/prosess", "/innspill", $"/innspill/{rounds[0]}", $"/innspill/{rounds[^1]}/mottatt"];
        files = new string[pages.Length];
        for (var i = 0; i < pages.Length; i++)
        {
            var body = await client.GetByteArrayAsync(new Uri(pages[i], UriKind.Relative), cancellationToken);
            files[i] = await floor.WriteAsync($"page-{i}.html", body, cancellationToken);
            var served = await client.GetByteArrayAsync(new Uri(files[i], UriKind.Relative), cancellationToken);
            Console.WriteLine($"[{Name}] {pages[i]}: {body.Length} bytes, floor {files[i]}: {served.Length} bytes");
            if (served.Length != body.Length)
            {
                throw new ScenarioFailedException($"The floor served {served.Length} bytes for {pages[i]}, the page {body.Length}.");
            }
        }

        ExpectShown(await GetStringAsync("/prosess", cancellationToken), "/prosess", "Milepæl 24", "Dialogmøte 40", "Innspillsrunde 6", "Del erfaringer fra forsøk");
        ExpectShown(await GetStringAsync(pages[3], cancellationToken), pages[3], $"Innspill {volume.PublishedInputPerRound} om", "Se kapittelet om samarbeid på tvers.");

        var form = await GetStringAsync(pages[2], cancellationToken);
        var antiforgery = TokenField().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new ScenarioFailedException($"GET {pages[2]} has no antiforgery token.");
        submissions = SubmitAllTheTimeAsync(pages[2], antiforgery, rush.Token);
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) =>
        GetAsync(pages[(int)((uint)Interlocked.Increment(ref nextSubject) % (uint)pages.Length)], cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) =>
        GetAsync(files[(int)((uint)Interlocked.Increment(ref nextFloor) % (uint)files.Length)], cancellationToken);

    // The rush ends with the last round; a submission refused during it fails the scenario.
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        await rush.CancelAsync();
        var sent = await submissions;
        Console.WriteLine($"[{Name}] submissions during warm-up and rounds: {sent}, each answered with a receipt");
        rush.Dispose();
        floor.Dispose();
        client.Dispose();
    }

    private async Task<int> SubmitAllTheTimeAsync(string path, string antiforgery, CancellationToken cancellationToken)
    {
        var sent = 0;
        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / SubmissionsPerSecond));
        try
        {
            while (await pace.WaitForNextTickAsync(cancellationToken))
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.ContributorType"] = "Organisation",
                    ["Input.OrganisationName"] = "Benchmark AS",
                    ["Input.Text"] = "Innspill sendt like før fristen.",
                    ["Input.Token"] = Guid.NewGuid().ToString("N"),
                    ["__RequestVerificationToken"] = antiforgery,
                });
                using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new ScenarioFailedException($"A submission during the rush answered {(int)response.StatusCode}.");
                }

                sent++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The rush is over.
        }

        return sent;
    }

    private async Task GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    private async Task<string> GetStringAsync(string path, CancellationToken cancellationToken) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken));

    private static void ExpectShown(string page, string path, params string[] texts)
    {
        if (texts.FirstOrDefault(t => !page.Contains(t, StringComparison.Ordinal)) is { } missing)
        {
            throw new ScenarioFailedException($"GET {path} does not show «{missing}».");
        }
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|<input[^>]*value="([^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex TokenField();
}
