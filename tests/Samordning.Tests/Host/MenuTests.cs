using System.Net;
using System.Text.RegularExpressions;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// Each role's menu shows only what that role may open: every link in the main menu answers 200 for the person who
// sees it, and the pages a role is meant to reach are in its menu (issue 16, point 7: an administrator's menu led
// to a 403, and the job dashboard was in nobody's menu).
public sealed partial class MenuTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(People.Coordinator)]
    [InlineData(People.ContactPersonFin)]
    [InlineData(People.Facilitator)]
    [InlineData(People.Observer)]
    [InlineData(People.Administrator)]
    public async Task Menu_EachRole_EveryLinkOpens(string person)
    {
        var client = factory.CreateClientAs(person);
        var links = await MenuLinksAsync(client);
        Assert.NotEmpty(links);

        foreach (var href in links)
        {
            using var response = await client.GetAsync(href, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{person}: the menu link {href} answered {(int)response.StatusCode}.");
        }
    }

    [Theory]
    [InlineData(People.Administrator, "/jobs", true)]
    [InlineData(People.Coordinator, "/jobs", false)]
    [InlineData(People.Coordinator, "/varsler/utsendelser", true)]
    [InlineData(People.ContactPersonFin, "/varsler/utsendelser", false)]
    [InlineData(People.ContactPersonFin, "/arbeidsstrommer/tiltak", true)]
    [InlineData(People.Administrator, "/innspillsregister", false)]
    [InlineData(People.Observer, "/innspillsregister", true)]
    public async Task Menu_Role_ShowsWhatItMayOpen(string person, string href, bool shown)
    {
        var links = await MenuLinksAsync(factory.CreateClientAs(person));
        Assert.Equal(shown, links.Contains(href));
    }

    private static async Task<List<string>> MenuLinksAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/", Ct);
        var menu = MenuPattern().Match(page);
        Assert.True(menu.Success, "The page has no main menu.");
        return [.. LinkPattern().Matches(menu.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<nav class=\"site-nav\"[^>]*>.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex MenuPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
