using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

// The register never stops silently: a filter matching more than a page shows the total, says where the rest is,
// and pages through every item once (issue 16, point 7: it used to stop at 200 rows with no notice).
public sealed partial class RegisterPagingTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_MoreThanAPage_TotalNoticeAndEveryItemOnExactlyOnePage()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var marker = "sideinndeling" + Guid.NewGuid().ToString("N")[..8];
        var count = ListItems.PageSize + 7;
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            recorded.Add((await RegisterApi.RecordAsync(client, RegisterApi.Record(text: $"{marker} nummer {i}"))).Reference);
        }

        var first = await RegisterApi.ReadAsync<ItemPage>(await client.GetAsync($"/api/feedback/items?search={marker}", Ct), HttpStatusCode.OK);
        var second = await RegisterApi.ReadAsync<ItemPage>(await client.GetAsync($"/api/feedback/items?search={marker}&page=2", Ct), HttpStatusCode.OK);
        Assert.Equal(count, first.Total);
        Assert.Equal(ListItems.PageSize, first.Items.Count);
        Assert.Equal(7, second.Items.Count);
        Assert.Equal(recorded, first.Items.Concat(second.Items).Select(i => i.Reference).ToHashSet(StringComparer.Ordinal));

        var pageOne = await client.GetStringAsync($"/innspillsregister?Search={marker}", Ct);
        var pageTwo = await client.GetStringAsync($"/innspillsregister?Search={marker}&side=2", Ct);
        Assert.Contains($"Viser 1–{ListItems.PageSize} av {count} innspill", pageOne, StringComparison.Ordinal);
        Assert.Contains("Side 1 av 2", pageOne, StringComparison.Ordinal);
        Assert.Contains($"href=\"/innspillsregister?Search={marker}&amp;side=2\"", pageOne, StringComparison.Ordinal);
        Assert.Contains($"Viser {ListItems.PageSize + 1}–{count} av {count} innspill", pageTwo, StringComparison.Ordinal);
        var shown = References(pageOne).Concat(References(pageTwo)).ToList();
        Assert.Equal(count, shown.Count);
        Assert.Equal(recorded, shown.ToHashSet(StringComparer.Ordinal));
    }

    // A search counts its hits only up to ListItems.SearchCap: past it the page says "over" the cap and to narrow the
    // search, in the count and the caption, and the pager still offers the next page, and counts its pages as "at least".
    [Fact]
    public async Task Register_SearchPastTheCap_SaysOverAndOffersTheNextPage()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var marker = "overtaket" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            db.Items.AddRange(Enumerable.Range(0, ListItems.SearchCap + 5).Select(i => new FeedbackItem
            {
                Reference = Samordning.Feedback.Submissions.References.New(), Source = "Sidetest", Text = $"{marker} nummer {i}", ReceivedAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
            }));
            await db.SaveChangesAsync(Ct);
        }

        var api = await RegisterApi.ReadAsync<ItemPage>(await client.GetAsync($"/api/feedback/items?search={marker}", Ct), HttpStatusCode.OK);
        var page = await client.GetStringAsync($"/innspillsregister?Search={marker}", Ct);

        Assert.Equal((ListItems.SearchCap, true), (api.Total, api.TotalIsAtLeast));
        Assert.Contains($"Viser 1–{ListItems.PageSize} av over {ListItems.SearchCap} innspill. Snevre inn søket, eller bla videre", page, StringComparison.Ordinal);
        Assert.Contains($"<caption>Over {ListItems.SearchCap} innspill passer – snevre inn søket. Nyeste først</caption>", page, StringComparison.Ordinal);
        Assert.Contains($"Side 1 av minst {(ListItems.SearchCap / ListItems.PageSize) + 1}", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/innspillsregister?Search={marker}&amp;side=2\"", page, StringComparison.Ordinal);
    }

    // Past the cap's pages the count reaches one past the page asked for, so the pager stays "at least" one page ahead
    // while there are more hits, and says the exact number once the count reaches them all.
    [Fact]
    public async Task Register_SearchPagedPastTheCap_CountsOnePastThePageUntilTheEnd()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var marker = "sidetaket" + Guid.NewGuid().ToString("N")[..8];
        var count = ListItems.SearchCap + ListItems.PageSize + 5;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            db.Items.AddRange(Enumerable.Range(0, count).Select(i => new FeedbackItem
            {
                Reference = Samordning.Feedback.Submissions.References.New(), Source = "Sidetest", Text = $"{marker} nummer {i}", ReceivedAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
            }));
            await db.SaveChangesAsync(Ct);
        }

        var pastCap = (ListItems.SearchCap / ListItems.PageSize) + 1;
        var capped = await RegisterApi.ReadAsync<ItemPage>(await client.GetAsync($"/api/feedback/items?search={marker}&page={pastCap}", Ct), HttpStatusCode.OK);
        var cappedPage = await client.GetStringAsync($"/innspillsregister?Search={marker}&side={pastCap}", Ct);
        var exact = await RegisterApi.ReadAsync<ItemPage>(await client.GetAsync($"/api/feedback/items?search={marker}&page={pastCap + 1}", Ct), HttpStatusCode.OK);
        var exactPage = await client.GetStringAsync($"/innspillsregister?Search={marker}&side={pastCap + 1}", Ct);

        var onePast = (pastCap * ListItems.PageSize) + 1;
        Assert.Equal((onePast, true, ListItems.PageSize), (capped.Total, capped.TotalIsAtLeast, capped.Items.Count));
        Assert.Contains($"Side {pastCap} av minst {pastCap + 1}", cappedPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/innspillsregister?Search={marker}&amp;side={pastCap + 1}\"", cappedPage, StringComparison.Ordinal);
        Assert.Equal((count, false, count - (pastCap * ListItems.PageSize)), (exact.Total, exact.TotalIsAtLeast, exact.Items.Count));
        Assert.Contains($"Viser {(pastCap * ListItems.PageSize) + 1}–{count} av {count} innspill", exactPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("side=99")]
    [InlineData("side=2147483647")]
    [InlineData("side=-5")]
    public async Task Register_PageOutsideTheRange_AnswersWithoutError(string page)
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);

        using var response = await client.GetAsync($"/innspillsregister?{page}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static IEnumerable<string> References(string page) =>
        ReferencePattern().Matches(page).Select(m => m.Groups[1].Value);

    [GeneratedRegex("<td><a class=\"ds-link nowrap\" href=\"/innspillsregister/[0-9a-f-]+\">(INN-[^<]+)</a>")]
    private static partial Regex ReferencePattern();
}
