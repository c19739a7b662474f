using System.Net;
using System.Text.RegularExpressions;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Contracts;

namespace Samordning.Tests.Links;

// Issue 16: the initiative picker scales to tens of thousands of initiatives. The type-ahead asks the Workstreams
// module's API for a few matches within the person's scope; without script the select lists the person's own
// ministry's initiatives only.
public sealed class InitiativePickerTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly LinkTestData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindLinkable_Coordinator_FindsEveryMinistrysMatchesUpToTheLimit()
    {
        var word = Word();
        var fin = await InitiativeAsync("FIN", word);
        var hod = await InitiativeAsync("HOD", word);
        await data.InitiativeAsync("FIN");

        var all = await FindAsync(People.Coordinator, $"?q={word}");
        var one = await FindAsync(People.Coordinator, $"?q={word}&limit=1");

        Assert.Equal(new[] { fin.Id, hod.Id }.Order(), all.Select(i => i.Id).Order());
        Assert.Equal($"FIN: {fin.Title}", all.Single(i => i.Id == fin.Id).Label);
        Assert.Single(one);
    }

    [Fact]
    public async Task FindLinkable_ContactPerson_OnlyOwnMinistrysMatches()
    {
        var word = Word();
        var fin = await InitiativeAsync("FIN", word);
        await InitiativeAsync("HOD", word);

        var found = await FindAsync(People.ContactPersonFin, $"?q={word}");

        Assert.Equal([fin.Id], found.Select(i => i.Id));
    }

    [Fact]
    public async Task FindLinkable_EveryWordAndNorwegianLetters_Matched()
    {
        var word = Word();
        var initiative = await data.Workstreams.CreateInitiativeAsync(
            Infrastructure.Builders.Initiative((await data.Workstreams.MinistryAsync("KD")).Id) with { Title = $"Økt læring {word}" });

        var both = await FindAsync(People.Coordinator, $"?q={Uri.EscapeDataString($"{word} ØKT")}");
        var wrong = await FindAsync(People.Coordinator, $"?q={Uri.EscapeDataString($"{word} sykehus")}");

        Assert.Equal([initiative.Id], both.Select(i => i.Id));
        Assert.Empty(wrong);
    }

    // The type-ahead narrows each word by the search index before its substring test: pieces from inside a compound and
    // across its ending still find it, a piece that only looks alike does not.
    [Fact]
    public async Task FindLinkable_PiecesOfACompoundWord_FoundAsSubstrings()
    {
        var word = Word();
        var initiative = await data.Workstreams.CreateInitiativeAsync(
            Infrastructure.Builders.Initiative((await data.Workstreams.MinistryAsync("KD")).Id) with { Title = $"Barnehageplassene {word}" });

        async Task<IEnumerable<Guid>> IdsAsync(string pieces) =>
            (await FindAsync(People.Coordinator, $"?q={Uri.EscapeDataString($"{word} {pieces}")}")).Select(i => i.Id);

        Assert.Equal([initiative.Id], await IdsAsync("HAGEPLASS"));
        Assert.Equal([initiative.Id], await IdsAsync("hageplassene barne"));
        Assert.Equal([initiative.Id], await IdsAsync("plassen"));
        Assert.Empty(await IdsAsync("hageplassa"));
    }

    [Fact]
    public async Task FindLinkable_ObserverWhoMayLinkNothing_FindsNothing()
    {
        var word = Word();
        await InitiativeAsync("FIN", word);

        Assert.Empty(await FindAsync(People.Observer, $"?q={word}"));
    }

    [Fact]
    public async Task FindLinkable_AnonymousOrLimitTooLarge_401Or400NamingLimit()
    {
        var anonymous = await factory.CreateClientAs(null).GetAsync($"{InitiativeChoices.SearchUrl}?q=skatt", Ct);
        var tooMany = await factory.CreateClientAs(People.Coordinator).GetAsync($"{InitiativeChoices.SearchUrl}?q=skatt&limit=1000", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("limit", (await Problem.ReadErrorsAsync(tooMany, Ct)).Keys);
    }

    [Fact]
    public async Task MeetingForm_Coordinator_ListsOwnMinistrysInitiativesOnlyAndOffersTheTypeAhead()
    {
        var kmd = await data.InitiativeAsync("KMD");
        var fin = await data.InitiativeAsync("FIN");

        var page = await factory.CreateClientAs(People.Coordinator).GetStringAsync("/moter/ny", Ct);

        // Undecoded, so the attribute's JSON keeps its quotes encoded.
        var field = Regex.Match(page, "<div[^>]*data-typeahead=\"([^\"]+)\"[^>]*>.*?</select>", RegexOptions.Singleline);
        Assert.True(field.Success, "No picker with a type-ahead.");
        Assert.Contains("name=\"Input.InitiativeIds\"", field.Value, StringComparison.Ordinal);
        Assert.Contains($"value=\"{kmd.Id}\"", field.Value, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{fin.Id}\"", field.Value, StringComparison.Ordinal);
        Assert.Contains($"\"url\":\"{InitiativeChoices.SearchUrl}\"", WebUtility.HtmlDecode(field.Groups[1].Value), StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/js/typeahead.js", page, StringComparison.Ordinal);
    }

    private static string Word() => $"ord{Guid.NewGuid():N}"[..14];

    private async Task<Samordning.Workstreams.Initiatives.InitiativeDetails> InitiativeAsync(string ministry, string word) =>
        await data.Workstreams.CreateInitiativeAsync(
            Infrastructure.Builders.Initiative((await data.Workstreams.MinistryAsync(ministry)).Id) with { Title = $"Tiltak {word} {ministry}" });

    private async Task<List<InitiativeInfo>> FindAsync(string email, string query)
    {
        var response = await factory.CreateClientAs(email).GetAsync(InitiativeChoices.SearchUrl + query, Ct);
        return await Problem.ReadOkAsync<List<InitiativeInfo>>(response, HttpStatusCode.OK, Ct);
    }
}
