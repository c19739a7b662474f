using System.Net;
using System.Text.RegularExpressions;
using Samordning.Tests.Feedback;

namespace Samordning.Tests.PublicProcess;

// "So far" on /prosess is paged (20 a page, newest first) with plain "older"/"newer" links and the page count as text.
public sealed partial class ProcessPagingTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_ManyPastMilestones_PagedNewestFirstWithOlderAndNewerLinks()
    {
        // Long before the test clock, a day apart, so they are past and their order is known (newest first).
        var batch = Guid.NewGuid().ToString("N")[..8];
        var titles = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            var milestone = await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone($"Fortid {batch} {i:D2}") with { Date = new DateOnly(2001, 1, 1).AddDays(i) });
            titles.Add(milestone.TitleNb);
        }

        var anonymous = fixture.Factory.CreateClientAs(null);
        var seen = new List<string>();
        var address = "/prosess";
        var pages = 0;
        while (true)
        {
            var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync(address, Ct));
            var past = PastSection(html);
            pages++;
            var items = ItemTitle().Matches(past).Select(m => m.Groups[1].Value).ToList();
            Assert.InRange(items.Count, 1, 20);
            seen.AddRange(items.Where(t => t.Contains(batch, StringComparison.Ordinal)));
            Assert.Matches($"aria-current=\"page\">Side {pages} av \\d+ \\(\\d+ hendelser\\)<", past);
            Assert.Equal(pages > 1, past.Contains("rel=\"prev\"", StringComparison.Ordinal));
            var next = NextLink().Match(past);
            if (!next.Success)
            {
                Assert.Contains($"Side {pages} av {pages} ", past, StringComparison.Ordinal);
                break;
            }

            Assert.Contains("Eldre", next.Value, StringComparison.Ordinal);
            address = next.Groups[1].Value.Split('#')[0];
        }

        Assert.True(pages >= 3, $"45 past milestones fill at least three pages, not {pages}.");
        titles.Reverse();
        Assert.Equal(titles, seen);
    }

    [Fact]
    public async Task Page_InEnglishAndPastTheEnd_EnglishLinksAndNoSuchPage()
    {
        for (var i = 0; i < 21; i++)
        {
            await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone() with { Date = new DateOnly(2002, 1, 1).AddDays(i) });
        }

        var anonymous = fixture.Factory.CreateClientAs(null);

        var english = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess?culture=en&side=1", Ct));
        var beyond = await anonymous.GetAsync("/prosess?side=100000", Ct);

        var past = PastSection(english);
        Assert.Contains("Older →", past, StringComparison.Ordinal);
        Assert.Contains("culture=en", NextLink().Match(past).Groups[1].Value, StringComparison.Ordinal);
        Assert.Matches("Page 1 of \\d+ \\(\\d+ events\\)", past);
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        var text = WebUtility.HtmlDecode(await beyond.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Siden finnes ikke", PastSection(text), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"process-item\"", PastSection(text), StringComparison.Ordinal);
    }

    private static string PastSection(string html)
    {
        var start = html.IndexOf("id=\"prosess-tidligere\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no “so far” section.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<li class=\"process-item\"[^>]*>\\s*<h3[^>]*><a[^>]*>([^<]*)</a>")]
    private static partial Regex ItemTitle();

    [GeneratedRegex("<a class=\"ds-link\" rel=\"next\" href=\"([^\"]+)\">[^<]*</a>")]
    private static partial Regex NextLink();
}
