using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Ministries.Contracts;
using Samordning.Ministries.Ministries;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Ministries;

// Reads only, on a host of its own, so the seeded registry is exactly what the tests see.
public sealed class MinistriesReadApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static readonly string[] SeededCodes =
        ["ASD", "BFD", "FD", "FIN", "HOD", "JD", "KD", "KLD", "KMD", "KUD", "LMD", "NFD", "OED", "SD", "UD"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_Default_FifteenSeededMinistriesByCode()
    {
        var client = factory.CreateClientAs(People.Observer);

        var list = await Problem.ReadOkAsync<List<MinistryListItem>>(await client.GetAsync("/api/ministries", Ct), HttpStatusCode.OK, Ct);

        Assert.Equal(SeededCodes, list.Select(m => m.Code));
    }

    [Theory]
    [InlineData("næring")]
    [InlineData("NÆRING")]
    [InlineData("  Nærings- og  ")]
    public async Task List_SearchWithNorwegianLetters_FindsNfdIgnoringCase(string q)
    {
        var client = factory.CreateClientAs(People.Observer);

        var list = await Problem.ReadOkAsync<List<MinistryListItem>>(
            await client.GetAsync($"/api/ministries?q={Uri.EscapeDataString(q)}", Ct), HttpStatusCode.OK, Ct);

        var nfd = Assert.Single(list);
        Assert.Equal("NFD", nfd.Code);
        Assert.Equal(4, nfd.AgencyCount);
    }

    [Fact]
    public async Task List_SearchMatchingNothing_Empty()
    {
        var client = factory.CreateClientAs(People.Observer);

        var list = await Problem.ReadOkAsync<List<MinistryListItem>>(await client.GetAsync("/api/ministries?q=zzzz", Ct), HttpStatusCode.OK, Ct);

        Assert.Empty(list);
    }

    [Fact]
    public async Task Get_SeededMinistry_WithItsAgencies()
    {
        var client = factory.CreateClientAs(People.ContactPersonFin);
        var kmd = (await Problem.ReadOkAsync<List<MinistryListItem>>(await client.GetAsync("/api/ministries?q=kmd", Ct), HttpStatusCode.OK, Ct))
            .Single(m => m.Code == "KMD");

        var details = await Problem.ReadOkAsync<MinistryDetails>(await client.GetAsync($"/api/ministries/{kmd.Id}", Ct), HttpStatusCode.OK, Ct);

        Assert.Equal("Kommunal- og moderniseringsdepartementet", details.NameNb);
        Assert.Equal(6, details.Agencies.Count);
        Assert.Contains(details.Agencies, a => a.NameNb == "Kartverket");
    }

    [Fact]
    public async Task Get_UnknownId_NotFoundProblem()
    {
        var client = factory.CreateClientAs(People.Observer);

        var problem = await Problem.ReadAsync(await client.GetAsync($"/api/ministries/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound, Ct);

        Assert.Equal("Fant ikke det du ba om.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_NoSignIn_UnauthorizedProblem()
    {
        var client = factory.CreateClientAs(null);

        await Problem.ReadAsync(await client.GetAsync("/api/ministries", Ct), HttpStatusCode.Unauthorized, Ct);
    }

    [Fact]
    public async Task Get_PersonNotInRegistry_ForbiddenProblem()
    {
        var client = factory.CreateClientAs(People.Unknown);

        await Problem.ReadAsync(await client.GetAsync("/api/ministries", Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Directory_PeopleByIds_KnownOnesInOneAnswerUnknownLeftOut()
    {
        var fin = await factory.PersonIdAsync(People.ContactPersonFin, Ct);
        var hod = await factory.PersonIdAsync(People.ContactPersonHod, Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IMinistryDirectory>();

        var people = await directory.GetPeopleAsync([fin, Guid.NewGuid(), hod], Ct);

        Assert.Equal(new[] { fin, hod }.Order(), people.Select(p => p.Id).Order());
        Assert.Equal(People.ContactPersonFin, people.Single(p => p.Id == fin).Email);
        Assert.Empty(await directory.GetPeopleAsync([], Ct));
    }
}
