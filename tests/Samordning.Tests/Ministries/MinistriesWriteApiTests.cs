using System.Net;
using System.Net.Http.Json;
using System.Text;
using Samordning.Ministries.Agencies;
using Samordning.Ministries.Ministries;
using Samordning.Ministries.People;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Ministries;

public sealed class MinistriesWriteApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ValidMinistry_CreatedWithLocation()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var request = Builders.Ministry() with { Code = " " + Builders.UniqueCode().ToLowerInvariant() + " " };

        var response = await client.PostAsJsonAsync("/api/ministries", request, Ct);

        var created = await Problem.ReadOkAsync<MinistryDetails>(response, HttpStatusCode.Created, Ct);
        Assert.Equal(request.Code!.Trim().ToUpperInvariant(), created.Code);
        Assert.Equal(0, created.Version);
        Assert.Equal($"/api/ministries/{created.Id}", response.Headers.Location?.OriginalString);
        var fetched = await Problem.ReadOkAsync<MinistryDetails>(await client.GetAsync($"/api/ministries/{created.Id}", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal(created.NameNb, fetched.NameNb);
    }

    [Fact]
    public async Task Create_DuplicateCode_CodeErrorInNorwegian()
    {
        var client = factory.CreateClientAs(People.Administrator);

        var errors = await Problem.ReadErrorsAsync(await client.PostAsJsonAsync("/api/ministries", Builders.Ministry() with { Code = "kmd" }, Ct), Ct);

        Assert.Equal(["Det finnes allerede et departement med koden KMD."], errors["Code"]);
    }

    [Theory]
    [InlineData("?culture=en")]
    [InlineData("?culture=en-GB")]
    [InlineData("?ui-culture=en")]
    public async Task Create_DuplicateCodeInEnglish_CodeErrorInEnglish(string query)
    {
        var client = factory.CreateClientAs(People.Administrator);

        var response = await client.PostAsJsonAsync("/api/ministries" + query, Builders.Ministry() with { Code = "KMD" }, Ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, Ct);
        Assert.Equal("Some fields need correcting.", problem.GetProperty("title").GetString());
        Assert.Equal("A ministry with the code KMD already exists.", problem.GetProperty("errors").GetProperty("Code")[0].GetString());
    }

    [Fact]
    public async Task Create_EnglishCultureCookie_CodeErrorInEnglish()
    {
        var client = factory.CreateClientAs(People.Administrator);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var errors = await Problem.ReadErrorsAsync(await client.PostAsJsonAsync("/api/ministries", Builders.Ministry() with { Code = "KMD" }, Ct), Ct);

        Assert.Equal(["A ministry with the code KMD already exists."], errors["Code"]);
    }

    [Fact]
    public async Task Create_NameOf201Characters_NameError()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var response = await client.PostAsJsonAsync("/api/ministries", Builders.Ministry() with { NameNb = new string('a', 201) }, Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Navn på bokmål kan ha høyst 200 tegn."], errors["NameNb"]);
    }

    [Fact]
    public async Task Create_NameOf200Characters_Created()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var response = await client.PostAsJsonAsync("/api/ministries", Builders.Ministry() with { NameNb = new string('a', 200) }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Create_EveryFieldWrong_EveryFieldListed()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var errors = await Problem.ReadErrorsAsync(
            await client.PostAsJsonAsync("/api/ministries", new MinistryRequest(Code: "", NameNb: " ", NameEn: null), Ct), Ct);

        Assert.Equal(["Code", "NameEn", "NameNb"], errors.Keys.Order());
    }

    [Fact]
    public async Task CreatePerson_EveryFieldWrong_EveryFieldListed()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var request = Builders.Person() with
        {
            Name = "",
            Email = "not-an-address",
            Title = new string('t', 201),
            MinistryId = Guid.NewGuid(),
            Roles = ["Superuser"],
            PreferredLanguage = "de",
        };

        var errors = await Problem.ReadErrorsAsync(await client.PostAsJsonAsync("/api/ministries/people", request, Ct), Ct);

        Assert.Equal(["Email", "MinistryId", "Name", "PreferredLanguage", "Roles", "Title"], errors.Keys.Order());
    }

    [Fact]
    public async Task CreateAgency_InvalidOrganisationNumber_ErrorAndNothingSaved()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var ministry = await CreateMinistryAsync(client);
        var listUrl = $"/api/ministries/agencies?ministryId={ministry.Id}";
        var before = await Problem.ReadOkAsync<List<AgencyDetails>>(await client.GetAsync(listUrl, Ct), HttpStatusCode.OK, Ct);

        var response = await client.PostAsJsonAsync(
            "/api/ministries/agencies", Builders.Agency(ministry.Id) with { OrganisationNumber = FakeOrganisationNumbers.WrongCheckDigit }, Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Organisasjonsnummer må være ni siffer med gyldig kontrollsiffer."], errors["OrganisationNumber"]);
        var after = await Problem.ReadOkAsync<List<AgencyDetails>>(await client.GetAsync(listUrl, Ct), HttpStatusCode.OK, Ct);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task CreateAgency_ValidOrganisationNumberWithSpaces_CreatedWithDigitsOnly()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var ministry = await CreateMinistryAsync(client);

        var response = await client.PostAsJsonAsync(
            "/api/ministries/agencies", Builders.Agency(ministry.Id) with { OrganisationNumber = "123 456 785" }, Ct);

        var agency = await Problem.ReadOkAsync<AgencyDetails>(response, HttpStatusCode.Created, Ct);
        Assert.Equal(FakeOrganisationNumbers.Valid, agency.OrganisationNumber);
        Assert.Equal(ministry.Code, agency.MinistryCode);
    }

    [Fact]
    public async Task CreatePerson_MalformedEmail_EmailError()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var errors = await Problem.ReadErrorsAsync(
            await client.PostAsJsonAsync("/api/ministries/people", Builders.Person() with { Email = "ola@@example" }, Ct), Ct);

        Assert.Equal(["E-post er ikke en gyldig e-postadresse."], errors["Email"]);
        Assert.Single(errors);
    }

    [Fact]
    public async Task CreatePerson_ContactPersonWithoutMinistry_MinistryIdError()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var errors = await Problem.ReadErrorsAsync(
            await client.PostAsJsonAsync("/api/ministries/people", Builders.Person() with { Roles = ["ContactPerson"], MinistryId = null }, Ct), Ct);

        Assert.Equal(["En kontaktperson må høre til et departement."], errors["MinistryId"]);
    }

    [Fact]
    public async Task CreatePerson_Valid_CreatedAndFoundBySignIn()
    {
        var client = factory.CreateClientAs(People.Administrator);
        var request = Builders.Person() with { Roles = ["Coordinator"] };

        var person = await Problem.ReadOkAsync<PersonDetails>(
            await client.PostAsJsonAsync("/api/ministries/people", request, Ct), HttpStatusCode.Created, Ct);

        // The new person signs in and, through the registry, may manage it.
        var asNewPerson = factory.CreateClientAs(request.Email);
        var response = await asNewPerson.PostAsJsonAsync("/api/ministries", Builders.Ministry(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["Coordinator"], person.Roles);
    }

    [Theory]
    [InlineData(People.ContactPersonFin)]
    [InlineData(People.Observer)]
    public async Task Create_PersonWithoutManageRole_ForbiddenProblem(string email)
    {
        var client = factory.CreateClientAs(email);

        await Problem.ReadAsync(await client.PostAsJsonAsync("/api/ministries", Builders.Ministry(), Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Create_MalformedJson_BadRequestProblemWithoutInternals()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        using var content = new StringContent("{\"code\": \"ABC\", \"nameNb\": ", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/ministries", content, Ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, Ct);
        var body = problem.GetRawText();
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("stack", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Forespørselen kunne ikke behandles.", problem.GetProperty("title").GetString());
    }

    private static async Task<MinistryDetails> CreateMinistryAsync(HttpClient client) =>
        await Problem.ReadOkAsync<MinistryDetails>(
            await client.PostAsJsonAsync("/api/ministries", Builders.Ministry(), Ct), HttpStatusCode.Created, Ct);
}
