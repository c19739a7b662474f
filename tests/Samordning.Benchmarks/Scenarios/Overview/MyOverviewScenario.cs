using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.Workstreams;

namespace Samordning.Benchmarks.Scenarios.Overview;

// "My overview" (issue 19): contact persons of the eight ministries owning most initiatives, in turn, load the
// signed-in front page's sections (the page's own live refresh, GET /?handler=Sections: the whole page through the
// host pipeline, every module's overview section, without recording a visit) over the growing volume. The floor is
// the best hand-written plan for the same items (MyOverviewFloorEndpoint). Before measuring, every person's
// sections on both sides must list the same items with the same texts, in the same order.
internal sealed partial class MyOverviewScenario(WorkstreamsVolume volume) : IScenario
{
    private const string SubjectPath = "/?handler=Sections";

    private HttpClient client = null!;
    private IReadOnlyList<OverviewContact> contacts = [];
    private int subjectTurn;
    private int floorTurn;

    public string Name => "my-overview";

    public string Subject => $"GET {SubjectPath} (the signed-in front page) through the host pipeline over {volume.Initiatives}, as the contact persons of the {OverviewContacts.Ministries} ministries owning most initiatives in turn";

    public string Floor => $"GET {MyOverviewFloorEndpoint.Path} as the same person: the person by subject, the visit, then per section one bare ADO.NET query on the stores' indexes (the running count from the kept dashboard totals, per open round the confirmations counted and the first 8 unconfirmed titles), the items written as the overview's list markup, same Kestrel server";

    public double Aim => 0.3;

    // Issue 19: below 50 ms at 50,000 initiatives, at most 100 ms at 500,000.
    public double? P95AimMilliseconds => volume.Spec.Initiatives > 50_000 ? 100 : 50;

    public void ConfigureHost(IServiceCollection services) => services.AddSingleton<IStartupFilter, MyOverviewFloorEndpoint>();

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        var summary = await volume.EnsureAsync(context.Services, cancellationToken);
        contacts = await OverviewContacts.EnsureAsync(context.Services.GetRequiredService<BenchDatabase>(), summary.MinistriesByInitiatives, cancellationToken);

        foreach (var contact in contacts)
        {
            var subject = Items(await GetAsync(SubjectPath, contact, cancellationToken));
            var floor = Items(await GetAsync(MyOverviewFloorEndpoint.Path, contact, cancellationToken));
            if (subject != floor)
            {
                throw new ScenarioFailedException($"The overviews of {contact.MinistryCode}'s contact person differ.\nSubject:\n{subject}\nFloor:\n{floor}");
            }
        }

        // The biggest ministry's round must list unconfirmed initiatives, or the volume did not reach the section.
        var biggest = Items(await GetAsync(SubjectPath, contacts[0], cancellationToken));
        if (!biggest.Contains("/arbeidsstrommer/tiltak/", StringComparison.Ordinal))
        {
            throw new ScenarioFailedException($"{contacts[0].MinistryCode}'s overview lists no unconfirmed initiative in an open round:\n{biggest}");
        }
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, SubjectPath, Next(ref subjectTurn).SignIn, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, MyOverviewFloorEndpoint.Path, Next(ref floorTurn).SignIn, cancellationToken);

    private OverviewContact Next(ref int turn) => contacts[(int)((uint)Interlocked.Increment(ref turn) % (uint)contacts.Count)];

    private async Task<string> GetAsync(string path, OverviewContact contact, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        contact.SignIn(request);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? body
            : throw new ScenarioFailedException($"GET {path} as {contact.MinistryCode}'s contact person answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
    }

    // Each section's key, then per item its link, text and detail, decoded: what a person reads, in page order.
    private static string Items(string html)
    {
        var text = new StringBuilder();
        foreach (Match section in SectionPattern().Matches(html))
        {
            text.Append(section.Groups["key"].Value).Append('\n');
            foreach (Match item in ItemPattern().Matches(section.Groups["body"].Value))
            {
                text.Append("  ").Append(WebUtility.HtmlDecode(item.Groups["href"].Value))
                    .Append(" | ").Append(WebUtility.HtmlDecode(item.Groups["text"].Value))
                    .Append(" | ").Append(WebUtility.HtmlDecode(item.Groups["detail"].Value)).Append('\n');
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("""data-section="(?<key>[a-z-]+)"(?<body>.*?)</section>""", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex("""<li class="overview-item"[^>]*>\s*<a class="ds-link" href="(?<href>[^"]*)">(?<text>[^<]*)</a>\s*(?:<span class="(?:ds-tag|overview-detail)"[^>]*>(?<detail>[^<]*)</span>)?""")]
    private static partial Regex ItemPattern();
}
