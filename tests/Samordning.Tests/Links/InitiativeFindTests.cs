using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Samordning.Meetings.Meetings;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Workstreams.Contracts;

namespace Samordning.Tests.Links;

// Issue 16: an initiative picker works without script where the page is a form. Its "Finn tiltak" button posts the
// form; the page comes back as posted, saves nothing, and offers the matches the type-ahead would (a coordinator
// finds every ministry's, a contact person only their own), which a second post then links.
public sealed partial class InitiativeFindTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string Picker = "Input_InitiativeIds";

    private readonly LinkTestData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordInputPage_CoordinatorFindsWithoutScript_OffersFinsInitiativeKeepsTheFormSavesNothingThenLinks()
    {
        var word = Word();
        var fin = await InitiativeAsync("FIN", word);
        var client = factory.CreateClientAs(People.Coordinator);
        var page = await client.GetStringAsync("/innspillsregister/ny", Ct);
        Assert.DoesNotContain($"value=\"{fin.Id}\"", Select(page, Picker), StringComparison.Ordinal);
        var organisation = $"Org {word}";
        List<KeyValuePair<string, string>> fields =
        [
            new("__RequestVerificationToken", Token(page)),
            new("Input.Channel", "Email"),
            new("Input.Source", "Brev"),
            new("Input.ContributorType", "Supplier"),
            new("Input.OrganisationName", organisation),
            new("Input.Text", "Et innspill om skatt."),
            new(InitiativeFind.QueryField, $"{word} fin"),
        ];

        var found = await client.PostAsync("/innspillsregister/ny", new FormUrlEncodedContent([.. fields, new(InitiativeFind.ButtonField, Picker)]), Ct);
        var foundPage = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(Ct));
        var saved = await client.PostAsync("/innspillsregister/ny", new FormUrlEncodedContent([.. fields, new("Input.InitiativeIds", fin.Id.ToString())]), Ct);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"<option value=\"{fin.Id}\">FIN: {fin.Title}</option>", Select(foundPage, Picker), StringComparison.Ordinal);
        Assert.Contains($"value=\"{organisation}\"", foundPage, StringComparison.Ordinal);
        Assert.Contains("Et innspill om skatt.</textarea>", foundPage, StringComparison.Ordinal);
        Assert.Contains($"id=\"{Picker}-finn-outcome\">1 tiltak passer «{word} fin» og står først i listen over.", foundPage, StringComparison.Ordinal);
        Assert.Contains("autofocus=\"autofocus\"", Regex.Match(foundPage, $"<input[^>]*id=\"{Picker}-finn\"[^>]*>").Value, StringComparison.Ordinal);
        Assert.DoesNotContain("ds-error-summary", foundPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var items = await JsonAsync(client, $"/api/feedback/items?Search={Uri.EscapeDataString(organisation)}");
        Assert.Equal(1, items.GetProperty("total").GetInt32());
        var item = await JsonAsync(client, saved.Headers.Location!.OriginalString.Replace("/innspillsregister/", "/api/feedback/items/", StringComparison.Ordinal));
        Assert.Equal([fin.Id], item.GetProperty("initiativeIds").EnumerateArray().Select(i => i.GetGuid()));
    }

    [Fact]
    public async Task RecordInputPage_ContactPersonFindsWithoutScript_OnlyOwnMinistrysInitiatives()
    {
        var word = Word();
        var fin = await InitiativeAsync("FIN", word);
        var hod = await InitiativeAsync("HOD", word);
        var client = factory.CreateClientAs(People.ContactPersonHod);
        var page = await client.GetStringAsync("/innspillsregister/ny", Ct);

        var found = await client.PostAsync("/innspillsregister/ny", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(page)),
            new(InitiativeFind.QueryField, word),
            new(InitiativeFind.ButtonField, Picker),
        ]), Ct);
        var foundPage = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(Ct));
        var select = Select(foundPage, Picker);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"id=\"{Picker}-finn-outcome\">1 tiltak passer «{word}»", foundPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{hod.Id}\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{fin.Id}\"", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgendaPage_CoordinatorFindsWithoutScriptForOneItem_OffersHodsInitiativeThereThenLinksIt()
    {
        var word = Word();
        var hod = await InitiativeAsync("HOD", word);
        var meeting = await data.LiveMeetingAsync($"Møte med søk uten skript {word}");
        var item = meeting.Agenda[1];
        var client = factory.CreateClientAs(People.Coordinator);
        var url = $"/moter/{meeting.Id}/dagsorden";
        var page = await client.GetStringAsync(url, Ct);

        var found = await client.PostAsync(url, AgendaForm(page, item.Id, meeting.Version, null, [new(InitiativeFind.QueryField, word), new(InitiativeFind.ButtonField, "punkt-2-tiltak")]), Ct);
        var foundPage = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(Ct));
        var saved = await client.PostAsync(url, AgendaForm(page, item.Id, meeting.Version, hod.Id, []), Ct);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"value=\"{hod.Id}\">HOD: {hod.Title}</option>", Select(foundPage, "punkt-2-tiltak"), StringComparison.Ordinal);
        Assert.Contains("id=\"punkt-2-tiltak-finn-outcome\">1 tiltak passer", foundPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"punkt-1-tiltak-finn-outcome\"", foundPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var current = await Problem.ReadOkAsync<MeetingDetails>(await client.GetAsync($"/api/meetings/{meeting.Id}", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal(hod.Id, current.Agenda[1].InitiativeId);
    }

    [Fact]
    public async Task NotePage_FacilitatorFindsWithTooShortText_SaysSoBesideTheFieldAndSavesNothing()
    {
        var meeting = await data.LiveMeetingAsync($"Møte med for kort søk {Word()}");
        var client = factory.CreateClientAs(MeetingTestData.Facilitator);
        var url = $"/moter/{meeting.Id}?handler=Entry";
        var page = await client.GetStringAsync($"/moter/{meeting.Id}", Ct);
        var text = $"Notat som ikke skal lagres {Word()}";

        var found = await client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(page)),
            new("Entry.Kind", "Note"),
            new("Entry.Text", text),
            new(InitiativeFind.QueryField, "x"),
            new(InitiativeFind.ButtonField, "Entry_InitiativeId"),
        ]), Ct);
        var foundPage = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("<p class=\"ds-validation-message\" id=\"Entry_InitiativeId-finn-outcome\">Skriv minst 2 tegn.</p>", foundPage, StringComparison.Ordinal);
        Assert.Contains($">{text}</textarea>", foundPage, StringComparison.Ordinal);
        var entries = await client.GetStringAsync($"/api/meetings/{meeting.Id}/entries", Ct);
        Assert.DoesNotContain(text, entries, StringComparison.Ordinal);
    }

    private static string Word() => $"finn{Guid.NewGuid():N}"[..14];

    private async Task<Samordning.Workstreams.Initiatives.InitiativeDetails> InitiativeAsync(string ministry, string word) =>
        await data.Workstreams.CreateInitiativeAsync(
            Builders.Initiative((await data.Workstreams.MinistryAsync(ministry)).Id) with { Title = $"Tiltak {word} {ministry}" });

    private static string Token(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    // The select with this id, from its start tag to its end tag.
    private static string Select(string page, string id)
    {
        var match = Regex.Match(page, $"<select[^>]*id=\"{id}\".*?</select>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No select {id}.");
        return match.Value;
    }

    private static FormUrlEncodedContent AgendaForm(string page, Guid itemId, long version, Guid? initiativeId, KeyValuePair<string, string>[] more) => new(
    [
        new("__RequestVerificationToken", Token(page)),
        new("Link.ItemId", itemId.ToString()),
        new("Link.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Link.WorkstreamId", ""),
        new("Link.InitiativeId", initiativeId?.ToString() ?? ""),
        .. more,
    ]);

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url) =>
        await LinkTestData.JsonAsync(await client.GetAsync(url, Ct), HttpStatusCode.OK);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
