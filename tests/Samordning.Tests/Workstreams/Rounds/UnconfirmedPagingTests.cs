using System.Net;
using System.Text.RegularExpressions;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Rounds;

// The round's unconfirmed list a page at a time: the API's pages are slices of the whole list with its total, bad
// paging is a field error in Bokmål or English, and the contact person's page links through the pages.
public sealed partial class UnconfirmedPagingTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_FirstMiddleAndLast_AreSlicesOfTheWholeListWithItsTotal()
    {
        var (round, fin) = await RoundWithFinInitiativesAsync(5);
        var all = await WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Observer), round, fin);
        var last = (all.Count + 1) / 2;

        var first = await PageAsync(round, fin, "?page=1&pageSize=2");
        var middle = await PageAsync(round, fin, "?page=2&pageSize=2");
        var end = await PageAsync(round, fin, $"?page={last}&pageSize=2");

        Assert.True(all.Count >= 5);
        Assert.Equal(all.Select(i => i.Id).Take(2), first.Items.Select(i => i.Id));
        Assert.Equal(all.Select(i => i.Id).Skip(2).Take(2), middle.Items.Select(i => i.Id));
        Assert.Equal(all.Select(i => i.Id).Skip((last - 1) * 2), end.Items.Select(i => i.Id));
        Assert.All([first, middle, end], p => Assert.Equal(all.Count, p.Total));
        Assert.Equal((2, 2, last), (first.PageSize, middle.Page, end.Page));
    }

    [Fact]
    public async Task Page_NotGiven_FirstPageOfTheDefaultSize()
    {
        var (round, fin) = await RoundWithFinInitiativesAsync(1);
        var all = await WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Observer), round, fin);

        var page = await PageAsync(round, fin, "");

        Assert.Equal((1, UnconfirmedPage.DefaultPageSize, all.Count), (page.Page, page.PageSize, page.Total));
        Assert.Equal(all.Select(i => i.Id).Take(UnconfirmedPage.DefaultPageSize), page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Page_PastTheLast_EmptyWithTheTotal()
    {
        var (round, fin) = await RoundWithFinInitiativesAsync(1);
        var all = await WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Observer), round, fin);

        var page = await PageAsync(round, fin, $"?page={all.Count + 1}&pageSize=1");

        Assert.Empty(page.Items);
        Assert.Equal(all.Count, page.Total);
    }

    [Theory]
    [InlineData("?page=0", "Page", "Siden må være et helt tall fra 1 til 10000.")]
    [InlineData("?page=10001", "Page", "Siden må være et helt tall fra 1 til 10000.")]
    [InlineData("?page=to", "Page", "Siden må være et helt tall fra 1 til 10000.")]
    [InlineData("?pageSize=0", "PageSize", "Antall per side må være mellom 1 og 200.")]
    [InlineData("?pageSize=201", "PageSize", "Antall per side må være mellom 1 og 200.")]
    [InlineData("?pageSize=-5&culture=en-GB", "PageSize", "The page size must be between 1 and 200.")]
    [InlineData("?page=1.5&culture=en-GB", "Page", "The page must be a whole number from 1 to 10000.")]
    public async Task Paging_Bad_FieldErrorNamingIt(string query, string field, string message)
    {
        var (round, fin) = await RoundWithFinInitiativesAsync(0);

        var response = await api.As(People.Observer).GetAsync($"/api/workstreams/rounds/{round}/ministries/{fin}/unconfirmed{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal([message], errors[field]);
        Assert.Single(errors);
    }

    [Fact]
    public async Task RoundPage_ContactPersonWithMoreThanAPage_PagedNavWithTheCurrentPageMarked()
    {
        var (round, fin) = await RoundWithFinInitiativesAsync(0);
        var existing = (await WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Observer), round, fin)).Count;
        await CreateFinInitiativesAsync(fin, Math.Max(0, UnconfirmedPage.DefaultPageSize + 1 - existing));
        var all = await WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Observer), round, fin);
        var pages = (all.Count + UnconfirmedPage.DefaultPageSize - 1) / UnconfirmedPage.DefaultPageSize;
        var contact = api.As(People.ContactPersonFin);

        var second = await HtmlAsync(contact, $"/arbeidsstrommer/runder/{round}?side=2");
        var beyond = await HtmlAsync(contact, $"/arbeidsstrommer/runder/{round}?side=999");
        var notANumber = await HtmlAsync(contact, $"/arbeidsstrommer/runder/{round}?side=x");

        var nav = Nav().Match(second);
        Assert.True(nav.Success, "no nav named for the unconfirmed list");
        Assert.Contains($"<span aria-current=\"page\">Side 2 av {pages}</span>", nav.Value);
        Assert.Contains($"href=\"/arbeidsstrommer/runder/{round}?side=1#mine\"", nav.Value);
        Assert.Contains($"href=\"/arbeidsstrommer/tiltak/{all[UnconfirmedPage.DefaultPageSize].Id}\"", second);
        Assert.DoesNotContain($"href=\"/arbeidsstrommer/tiltak/{all[0].Id}\"", second);
        Assert.Contains($"Viser {UnconfirmedPage.DefaultPageSize + 1}–", second);
        Assert.Contains($"Side {pages} av {pages}", Nav().Match(beyond).Value);
        Assert.Contains($"Side 1 av {pages}", Nav().Match(notANumber).Value);
        Assert.Contains("name=\"side\" value=\"2\"", second);
    }

    [Fact]
    public async Task RoundPage_InEnglish_NavAndRangeInEnglish()
    {
        var (round, fin) = await RoundWithFinInitiativesAsync(0);
        var existing = (await WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Observer), round, fin)).Count;
        await CreateFinInitiativesAsync(fin, Math.Max(0, UnconfirmedPage.DefaultPageSize + 1 - existing));

        var html = await HtmlAsync(api.As(People.ContactPersonFin), $"/arbeidsstrommer/runder/{round}?culture=en-GB");

        Assert.Contains("<nav class=\"pagination\" aria-label=\"Pages of initiatives not confirmed\">", html);
        Assert.Contains($"Showing 1–{UnconfirmedPage.DefaultPageSize} of", html);
    }

    [GeneratedRegex("<nav class=\"pagination\" aria-label=\"Sider med tiltak som ikke er bekreftet\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Nav();

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<UnconfirmedPage> PageAsync(Guid round, Guid ministry, string query) =>
        await WorkstreamsApi.ReadAsync<UnconfirmedPage>(
            await api.As(People.Observer).GetAsync($"/api/workstreams/rounds/{round}/ministries/{ministry}/unconfirmed{query}", Ct), HttpStatusCode.OK);

    // An open round with at least `count` of FIN's running initiatives made for the test.
    private async Task<(Guid Round, Guid Fin)> RoundWithFinInitiativesAsync(int count)
    {
        var fin = (await api.MinistryAsync("FIN")).Id;
        await CreateFinInitiativesAsync(fin, count);
        var round = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest("Status i sider", null, DateTimeOffset.UtcNow.AddDays(10))),
            HttpStatusCode.Created);
        return (round.Id, fin);
    }

    private async Task CreateFinInitiativesAsync(Guid fin, int count)
    {
        for (var n = 0; n < count; n++)
        {
            await api.CreateInitiativeAsync(Builders.Initiative(fin) with { Title = $"Sidetiltak {Guid.NewGuid():N}" });
        }
    }
}
