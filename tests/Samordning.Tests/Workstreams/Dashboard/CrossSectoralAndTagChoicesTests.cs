using System.Net;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Workstreams.Dashboard;

// More cross-sectoral initiatives than the dashboard shows: it says so and links to all of them in the initiative
// list; and the tag filters offer the tags in use. A host of its own, so the other dashboard tests keep exact counts.
public sealed class CrossSectoralAndTagChoicesTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_MoreCrossSectoralThanShown_MoreAndTheListHasThemAll()
    {
        var tag = await CrossSectoralAsync(DashboardView.CrossSectoralShown + 1);

        var view = await WorkstreamsApi.ReadAsync<DashboardView>(await api.As(People.Observer).GetAsync($"/api/workstreams/dashboard?tag={tag}", Ct), HttpStatusCode.OK);
        var list = await api.ListAsync($"?tag={tag}&crossSectoral=true&pageSize=50");

        Assert.Equal(DashboardView.CrossSectoralShown, view.CrossSectoral.Items.Count);
        Assert.True(view.CrossSectoral.More);
        Assert.Equal(DashboardView.CrossSectoralShown + 1, list.Total);
        Assert.Equal(list.Items.Take(DashboardView.CrossSectoralShown).Select(i => i.Id), view.CrossSectoral.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task DashboardPage_MoreCrossSectoralThanShown_LinksToTheFilteredList()
    {
        var tag = await CrossSectoralAsync(DashboardView.CrossSectoralShown + 1);

        var html = await api.As(People.Observer).GetStringAsync($"/arbeidsstrommer?Tag={tag}", Ct);

        Assert.Contains($"href=\"/arbeidsstrommer/tiltak?tag={tag}&amp;crossSectoral=true\" data-testid=\"all-cross-sectoral\"", html, StringComparison.Ordinal);
        var list = await api.As(People.Observer).GetStringAsync($"/arbeidsstrommer/tiltak?tag={tag}&crossSectoral=true", Ct);
        Assert.Contains($"<caption>{DashboardView.CrossSectoralShown + 1} tiltak</caption>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardPage_FewCrossSectoral_NoLinkToMore()
    {
        var tag = await CrossSectoralAsync(2);

        var html = await api.As(People.Observer).GetStringAsync($"/arbeidsstrommer?Tag={tag}", Ct);

        Assert.DoesNotContain("all-cross-sectoral", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/arbeidsstrommer", "Tag")]
    [InlineData("/arbeidsstrommer/tiltak", "tag")]
    public async Task FilterPages_TagField_OffersTagsInUseAndTakesFreeText(string path, string name)
    {
        var tag = await CrossSectoralAsync(1);

        var html = await api.As(People.Observer).GetStringAsync($"{path}?{name}=fritekst-uten-treff", Ct);

        Assert.Contains($"<input class=\"ds-input\" id=\"{name}\" name=\"{name}\" value=\"fritekst-uten-treff\" list=\"{name}-choices\"", html, StringComparison.Ordinal);
        Assert.Contains($"<datalist id=\"{name}-choices\">", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{tag}\"></option>", html, StringComparison.Ordinal);
    }

    // Initiatives owned by FIN with HOD collaborating, all with one new tag.
    private async Task<string> CrossSectoralAsync(int count)
    {
        var tag = $"tverr-{Guid.NewGuid():N}"[..16];
        var fin = (await api.MinistryAsync("FIN")).Id;
        var hod = (await api.MinistryAsync("HOD")).Id;
        for (var n = 0; n < count; n++)
        {
            await api.CreateInitiativeAsync(Builders.Initiative(fin) with { CollaboratingMinistryIds = [hod], Tags = [tag], Phase = Phase.InProgress });
        }

        return tag;
    }
}
