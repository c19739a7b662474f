using System.Net;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Freshness;

// How fresh each status is: set by a status change (not by a title change), shown on the pages, filtered and
// sorted by age in the API and the list, and counted per ministry on the dashboard. No round is open here, so no
// save answers one.
public sealed class FreshnessListTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly FreshnessData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_TitleOnlyThenStatus_OnlyTheStatusChangeMakesItFresh()
    {
        // With no round open, a save answers none (the demo data opens one).
        await data.CloseOpenRoundsAsync();
        var initiative = await data.FinInitiativeAsync("Bare tittelen endres");
        var old = DateTimeOffset.UtcNow.AddDays(-30);
        await data.AgeAsync(initiative.Id, old);
        var read = await data.Api.GetInitiativeAsync(initiative.Id);

        var retitled = await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PutAsync(data.Api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{initiative.Id}", WorkstreamsApi.AsRequest(read) with { Title = "Ny tittel" }), HttpStatusCode.OK);
        var progressed = await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PostAsync(data.Api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{initiative.Id}/progress", Builders.Progress(retitled.Version)), HttpStatusCode.OK);

        Assert.Equal(read.StatusConfirmedAt, retitled.StatusConfirmedAt);
        Assert.True(progressed.StatusConfirmedAt > DateTimeOffset.UtcNow.AddMinutes(-5), $"{progressed.StatusConfirmedAt}");
    }

    [Fact]
    public async Task List_NotConfirmedForDaysSortedByConfirmed_OnlyOldStatusesOldestFirst()
    {
        var tag = Builders.UniqueCode().ToLowerInvariant();
        var (oldest, old, fresh) = await ThreeAsync(tag);

        var page = await data.Api.ListAsync($"?tag={tag}&notConfirmedForDays=60&sort=confirmed");
        var all = await data.Api.ListAsync($"?tag={tag}&sort=confirmed");

        Assert.Equal([oldest, old], page.Items.Select(i => i.Id));
        Assert.Equal(2, page.Total);
        Assert.Equal([oldest, old, fresh], all.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task List_DaysOutOfRangeOrUnknownSort_BothFieldsListed()
    {
        var response = await data.Api.As(People.Observer).GetAsync("/api/workstreams/initiatives?notConfirmedForDays=0&sort=oldest", Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Antall dager må være fra 1 til 3650."], errors["NotConfirmedForDays"]);
        Assert.Equal(["Sorter etter «changed» eller «confirmed»."], errors["Sort"]);
    }

    [Fact]
    public async Task ListPage_NotConfirmedFor60Days_OnlyOldStatusesWithTheirAge()
    {
        var tag = Builders.UniqueCode().ToLowerInvariant();
        await ThreeAsync(tag);

        var html = await data.Api.As(People.Observer).GetStringAsync($"/arbeidsstrommer/tiltak?tag={tag}&ikkeBekreftetDager=60&sortering=bekreftet", Ct);

        Assert.Contains($"Eldst {tag}", html, StringComparison.Ordinal);
        Assert.Contains($"Gammel {tag}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Fersk {tag}", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf($"Eldst {tag}", StringComparison.Ordinal) < html.IndexOf($"Gammel {tag}", StringComparison.Ordinal));
        Assert.Contains("Bekreftet for 90 dager siden", html, StringComparison.Ordinal);
        Assert.Contains("Bekreftet for 70 dager siden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitiativePage_AgedStatus_ShowsAgeAndExactTime()
    {
        var initiative = await data.FinInitiativeAsync("Vis alderen");
        await data.AgeAsync(initiative.Id, FreshnessData.OsloDaysAgo(12));

        var html = await data.Api.As(People.Observer).GetStringAsync($"/arbeidsstrommer/tiltak/{initiative.Id}", Ct);

        Assert.Contains("Status sist bekreftet eller endret", html, StringComparison.Ordinal);
        Assert.Contains("Bekreftet for 12 dager siden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_StaleStatuses_CountedPerMinistryLinkingToTheFilteredList()
    {
        var tag = Builders.UniqueCode().ToLowerInvariant();
        await ThreeAsync(tag);
        var fin = await data.Api.MinistryAsync("FIN");

        var html = await data.Api.As(People.Observer).GetStringAsync($"/arbeidsstrommer?Tag={tag}", Ct);

        var cell = Cell(html, "stale-FIN");
        Assert.Contains(">2</a>", cell, StringComparison.Ordinal);
        Assert.Contains($"MinistryId={fin.Id}", cell, StringComparison.Ordinal);
        Assert.Contains("ikkeBekreftetDager=60", cell, StringComparison.Ordinal);
        Assert.Contains($"tag={tag}", cell, StringComparison.Ordinal);
        Assert.Equal("0", Cell(html, "stale-HOD").Trim());
    }

    [Fact]
    public async Task DashboardApi_StaleStatuses_CountedPerMinistryAsOnThePage()
    {
        var tag = Builders.UniqueCode().ToLowerInvariant();
        await ThreeAsync(tag);

        var response = await data.Api.As(People.Observer).GetAsync($"/api/workstreams/dashboard?Tag={tag}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var codes = json.RootElement.GetProperty("ministries").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
        var notConfirmed = json.RootElement.GetProperty("notConfirmed");
        Assert.Equal(60, notConfirmed.GetProperty("days").GetInt32());
        var counts = notConfirmed.GetProperty("ministries").EnumerateArray()
            .ToDictionary(c => codes[c.GetProperty("ministry").GetInt32()]!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["FIN"] = 2 }, counts);
    }

    private static string Cell(string html, string testId)
    {
        var cell = html[(html.IndexOf($"data-testid=\"{testId}\">", StringComparison.Ordinal) + testId.Length + 15)..];
        return cell[..cell.IndexOf("</td>", StringComparison.Ordinal)];
    }

    // Three FIN initiatives with the tag: confirmed 90, 70 and 50 days ago (far from any 60-day edge).
    private async Task<(Guid Oldest, Guid Old, Guid Fresh)> ThreeAsync(string tag)
    {
        var fin = (await data.Api.MinistryAsync("FIN")).Id;
        var ids = new List<Guid>();
        foreach (var (title, days) in new[] { ("Fersk", 50), ("Eldst", 90), ("Gammel", 70) })
        {
            var created = await data.Api.CreateInitiativeAsync(Builders.Initiative(fin) with { Title = $"{title} {tag}", Tags = [tag] }, People.ContactPersonFin);
            await data.AgeAsync(created.Id, FreshnessData.OsloDaysAgo(days));
            ids.Add(created.Id);
        }

        return (ids[1], ids[2], ids[0]);
    }
}
