using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Samordning.Ministries.Ministries;
using Samordning.Ministries.People;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Workstreams;

namespace Samordning.Tests.Host;

// Nynorsk as the third language: the person's choice (cookie and registry preference), pages in Nynorsk with
// <html lang="nn">, and the Nynorsk names of ministries and workstreams.
public sealed partial class NynorskTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_PersonPrefersNynorsk_PageInNynorskAndCookieSet()
    {
        var email = await CreatePersonAsync("nn");
        var client = factory.CreateClientAs(email);

        var response = await client.GetAsync("/departementer", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("<html lang=\"nn\">", html, StringComparison.Ordinal);
        Assert.Matches(H1("Departement"), html);
        Assert.Contains("Utanriksdepartementet", html, StringComparison.Ordinal);
        Assert.Contains("Hopp til hovudinnhaldet", html, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dnn-NO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LanguageSwitch_Nynorsk_RememberedInCookieAndRegistry()
    {
        var email = await CreatePersonAsync("nb");
        var client = factory.CreateClientAs(email);
        Assert.Contains("<html lang=\"nb\">", await client.GetStringAsync("/departementer", Ct), StringComparison.Ordinal);

        var response = await client.PostAsync("/sprak", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await PublicForm.AntiforgeryAsync(client, "/departementer"),
            ["culture"] = "nn",
            ["returnUrl"] = "/departementer",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dnn-NO%7Cuic%3Dnn-NO", cookie, StringComparison.Ordinal);
        var person = await PersonAsync(email);
        Assert.Equal("nn", person.PreferredLanguage);
        // A new browser, without the cookie, starts in the registry preference.
        var fresh = factory.CreateClientAs(email);
        Assert.Contains("<html lang=\"nn\">", await fresh.GetStringAsync("/departementer", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NynorskQuery_DatesAndTextsInNynorsk()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var html = await client.GetStringAsync("/departementer/personer?culture=nn", Ct);

        Assert.Contains("<html lang=\"nn\">", html, StringComparison.Ordinal);
        Assert.Matches(H1("Personar"), html);
        Assert.DoesNotContain(">Personer<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePerson_PreferredLanguageNn_Accepted()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var created = await Problem.ReadOkAsync<PersonDetails>(
            await client.PostAsJsonAsync("/api/ministries/people", Builders.Person() with { PreferredLanguage = "nn" }, Ct), HttpStatusCode.Created, Ct);

        Assert.Equal("nn", created.PreferredLanguage);
    }

    [Fact]
    public async Task Ministry_NynorskName_ShownInNynorskAndBokmalElsewhere()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var ministry = await Problem.ReadOkAsync<MinistryDetails>(
            await client.PostAsJsonAsync("/api/ministries", Builders.Ministry() with { NameNb = "Testdepartementet bm", NameNn = "Testdepartementet nn" }, Ct),
            HttpStatusCode.Created, Ct);

        var nynorsk = await client.GetStringAsync($"/departementer/{ministry.Id}?culture=nn", Ct);
        var bokmal = await client.GetStringAsync($"/departementer/{ministry.Id}", Ct);

        Assert.Equal("Testdepartementet nn", ministry.NameNn);
        Assert.Matches(H1("Testdepartementet nn"), nynorsk);
        Assert.Matches(H1("Testdepartementet bm"), bokmal);
    }

    [Fact]
    public async Task Ministry_NynorskNameSameAsBokmal_StoredAsNone()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var ministry = await Problem.ReadOkAsync<MinistryDetails>(
            await client.PostAsJsonAsync("/api/ministries", Builders.Ministry() with { NameNn = " Testdepartementet " }, Ct), HttpStatusCode.Created, Ct);

        Assert.Null(ministry.NameNn);
    }

    [Fact]
    public async Task Ministry_NynorskNameTooLong_FieldListedWithTheOthers()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var errors = await Problem.ReadErrorsAsync(
            await client.PostAsJsonAsync("/api/ministries?culture=nn", Builders.Ministry() with { NameEn = "", NameNn = new string('n', 201) }, Ct), Ct);

        Assert.Equal(["NameEn", "NameNn"], errors.Keys.Order());
        Assert.Equal(["Namn på nynorsk kan ha høgst 200 teikn."], errors["NameNn"]);
    }

    [Fact]
    public async Task Workstream_NynorskTitle_ShownInNynorsk()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var request = Builders.Workstream() with { TitleNn = $"Arbeidsstraum {Guid.NewGuid():N}" };
        var created = await WorkstreamsApi.ReadAsync<WorkstreamDetails>(
            await client.PostAsJsonAsync("/api/workstreams", request, WorkstreamsApi.Json, Ct), HttpStatusCode.Created);

        var nynorsk = await client.GetStringAsync("/arbeidsstrommer/liste?culture=nn", Ct);
        var errors = await Problem.ReadErrorsAsync(
            await client.PostAsJsonAsync("/api/workstreams", Builders.Workstream() with { TitleNn = new string('n', 201) }, WorkstreamsApi.Json, Ct), Ct);

        Assert.Equal(request.TitleNn, created.TitleNn);
        Assert.Contains(request.TitleNn!, nynorsk, StringComparison.Ordinal);
        Assert.DoesNotContain(request.TitleNb!, nynorsk, StringComparison.Ordinal);
        Assert.Equal(["TitleNn"], errors.Keys);
    }

    private async Task<string> CreatePersonAsync(string language)
    {
        var request = Builders.Person() with { PreferredLanguage = language };
        var response = await factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/ministries/people", request, Ct);
        await Problem.ReadOkAsync<PersonDetails>(response, HttpStatusCode.Created, Ct);
        return request.Email!;
    }

    private async Task<PersonDetails> PersonAsync(string email)
    {
        var id = await factory.PersonIdAsync(email, Ct);
        return await Problem.ReadOkAsync<PersonDetails>(
            await factory.CreateClientAs(People.Coordinator).GetAsync($"/api/ministries/people/{id}", Ct), HttpStatusCode.OK, Ct);
    }

    private static Regex H1(string text) => new($"<h1[^>]*>\\s*{Regex.Escape(text)}\\s*</h1>");
}
