using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// The day's people at work, each until the deadline: contact persons updating initiatives and answering the round,
// the KMD team on the dashboard, the initiative list and search, and the public's deadline rush at a fixed rate.
// People pause between actions (ThinkTime), as people do; the rush does not wait for answers (an open loop), so a
// slow host shows as latency, not as fewer submissions.
internal sealed partial class WholeDayWork(WholeDayCast cast, WholeDayRequests requests, OperationLog log, Uri address) : IDisposable
{
    public const int KmdTeam = 5;
    public const double SubmissionsPerSecond = 100;

    private static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(250);
    private static readonly string[] SearchWords = ["barnehageplassene", "digitalisering", "klima", "helse", "skole"];

    // Every receipt the public form answered, and the idempotency tokens of this run (counted in the store afterwards).
    public ConcurrentBag<string> Receipts { get; } = [];

    // The form keeps a token of at most 64 characters (a longer one is dropped): 11 + 32 here.
    public string TokenPrefix { get; } = $"wd-{Guid.NewGuid().ToString("N")[..8]}";

    private HttpClient browser = null!;
    private string antiforgery = "";

    private string Form => $"/innspill/{cast.PublicRound}";

    // The public's browser: the form page once, for its antiforgery cookie and token, before the clock starts.
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        browser = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = address,
        };
        var page = await browser.GetStringAsync(new Uri(Form, UriKind.Relative), cancellationToken);
        antiforgery = AntiforgeryField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
            : throw new Harness.ScenarioFailedException($"GET {Form} has no antiforgery token.");
    }

    public Task[] Start(long deadline, CancellationToken cancellationToken) =>
    [
        .. cast.Contacts.Select(c => Task.Run(() => ContactAsync(c, deadline, cancellationToken), CancellationToken.None)),
        .. Enumerable.Range(0, KmdTeam).Select(i => Task.Run(() => KmdAsync(i, deadline, cancellationToken), CancellationToken.None)),
        Task.Run(() => RushAsync(deadline, cancellationToken), CancellationToken.None),
    ];

    // Alternates a progress update on one running initiative with a confirmation in the open round of another (and
    // now and then the round's page of what is left), keeping the version each answer gives back.
    private async Task ContactAsync(ContactPerson contact, long deadline, CancellationToken cancellationToken)
    {
        var versions = contact.Versions;
        var random = new Random(contact.MinistryCode.GetHashCode(StringComparison.Ordinal));
        for (var step = 0; Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested; step++)
        {
            var initiative = contact.Initiatives[random.Next(contact.Initiatives.Count)];
            var seen = initiative with { Version = versions[initiative.Id] };
            switch (step % 3)
            {
                case 0:
                    await log.TimeAsync("contact: update initiative progress", async () =>
                    {
                        var answer = await requests.PostJsonAsync(contact.Person, $"/api/workstreams/initiatives/{initiative.Id}/progress",
                            new { phase = seen.Phase, progress = seen.Progress, status = "Green", note = "Oppdatert før fristen.", version = seen.Version },
                            HttpStatusCode.OK, cancellationToken);
                        versions[initiative.Id] = answer["version"]!.GetValue<long>();
                    });
                    break;
                case 1:
                    await log.TimeAsync("contact: confirm in round", async () =>
                    {
                        var answer = await requests.PostJsonAsync(contact.Person, $"/api/workstreams/rounds/{cast.ReportingRound}/initiatives/{initiative.Id}/confirm",
                            null, HttpStatusCode.OK, cancellationToken);
                        versions[initiative.Id] = answer["version"]!.GetValue<long>();
                    });
                    break;
                default:
                    // The first page, as the round's page shows it to a contact person (50 by title, and the total).
                    await log.TimeAsync("contact: round's unconfirmed list", () =>
                        requests.GetAsync(contact.Person, $"/api/workstreams/rounds/{cast.ReportingRound}/ministries/{contact.MinistryId}/unconfirmed?page=1&pageSize=50", cancellationToken));
                    break;
            }

            await Task.Delay(ThinkTime, cancellationToken);
        }
    }

    private async Task KmdAsync(int member, long deadline, CancellationToken cancellationToken)
    {
        for (var step = member; Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested; step++)
        {
            var (operation, path) = (step % 3) switch
            {
                0 => ("kmd: dashboard", "/api/workstreams/dashboard"),
                1 => ("kmd: search", $"/api/search?q={SearchWords[step % SearchWords.Length]}&pageSize=20"),
                _ => ("kmd: initiative list", $"/api/workstreams/initiatives?ministryId={cast.BusiestMinistry}&phase=InProgress&page={1 + (step % 5)}&pageSize=50"),
            };
            await log.TimeAsync(operation, () => requests.GetAsync(cast.Coordinator, path, cancellationToken));
            await Task.Delay(ThinkTime, cancellationToken);
        }
    }

    // Ten submissions every 100 ms, each from the public form (its antiforgery cookie and token, a fresh idempotency
    // token), anonymous; every receipt is kept for the count in the store.
    private async Task RushAsync(long deadline, CancellationToken cancellationToken)
    {
        const int PerTick = 10;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(PerTick / SubmissionsPerSecond));
        var sent = new List<Task>();
        while (Stopwatch.GetTimestamp() < deadline && await timer.WaitForNextTickAsync(cancellationToken))
        {
            for (var i = 0; i < PerTick; i++)
            {
                sent.Add(log.TimeAsync("public: submit feedback", () => SubmitAsync(cancellationToken)));
            }
        }

        await Task.WhenAll(sent);
    }

    public void Dispose() => browser?.Dispose();

    private async Task SubmitAsync(CancellationToken cancellationToken)
    {
        var form = Form;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ContributorType"] = "Organisation",
            ["Input.OrganisationName"] = "Heldagen AS",
            ["Input.Text"] = "Innspill i siste liten.",
            ["Input.Token"] = $"{TokenPrefix}-{Guid.NewGuid():N}",
            ["__RequestVerificationToken"] = antiforgery,
        });
        using var response = await browser.PostAsync(new Uri(form, UriKind.Relative), content, cancellationToken);
        var receipt = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || receipt?.StartsWith("/innspill/kvittering/", StringComparison.Ordinal) != true)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"POST {form} answered {(int)response.StatusCode}, not a receipt."), null, response.StatusCode);
        }

        Receipts.Add(receipt["/innspill/kvittering/".Length..]);
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|<input[^>]*value="([^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryField();
}
