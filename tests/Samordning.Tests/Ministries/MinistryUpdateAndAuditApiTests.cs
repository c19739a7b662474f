using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordning.Ministries.Audit;
using Samordning.Ministries.Ministries;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Ministries;

public sealed class MinistryUpdateAndAuditApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_CurrentVersion_OkAndVersionIncremented()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var created = await CreateAsync(client);

        var response = await client.PutAsJsonAsync(
            $"/api/ministries/{created.Id}", Builders.Ministry() with { Code = created.Code, NameNb = "Nytt navn", Version = created.Version }, Ct);

        var updated = await Problem.ReadOkAsync<MinistryDetails>(response, HttpStatusCode.OK, Ct);
        Assert.Equal("Nytt navn", updated.NameNb);
        Assert.Equal(created.Version + 1, updated.Version);
    }

    [Fact]
    public async Task Update_StaleVersion_ConflictWithCurrentStateAndNothingOverwritten()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var created = await CreateAsync(client);
        var first = await Problem.ReadOkAsync<MinistryDetails>(
            await client.PutAsJsonAsync($"/api/ministries/{created.Id}", Builders.Ministry() with { Code = created.Code, NameNb = "Først", Version = 0 }, Ct),
            HttpStatusCode.OK, Ct);

        // A second person edits what they read before the first save.
        var response = await client.PutAsJsonAsync(
            $"/api/ministries/{created.Id}", Builders.Ministry() with { Code = created.Code, NameNb = "Sist", Version = 0 }, Ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict, Ct);
        var current = problem.GetProperty("current").Deserialize<MinistryDetails>(JsonSerializerOptions.Web)!;
        Assert.Equal("Først", current.NameNb);
        Assert.Equal(first.Version, current.Version);
        var stored = await Problem.ReadOkAsync<MinistryDetails>(await client.GetAsync($"/api/ministries/{created.Id}", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal("Først", stored.NameNb);
        Assert.Equal(first.Version, stored.Version);
    }

    [Fact]
    public async Task Update_NoVersion_VersionError()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var created = await CreateAsync(client);

        var errors = await Problem.ReadErrorsAsync(
            await client.PutAsJsonAsync($"/api/ministries/{created.Id}", Builders.Ministry() with { Code = created.Code, Version = null }, Ct), Ct);

        Assert.Equal(["Versjonen du endrer, må oppgis."], errors["Version"]);
    }

    [Fact]
    public async Task Update_UnknownId_NotFoundProblem()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        await Problem.ReadAsync(
            await client.PutAsJsonAsync($"/api/ministries/{Guid.NewGuid()}", Builders.Ministry() with { Version = 0 }, Ct), HttpStatusCode.NotFound, Ct);
    }

    [Fact]
    public async Task AuditLog_CreatedThenUpdated_BothWithActorAndChanges()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        var created = await CreateAsync(client);
        await Problem.ReadOkAsync<MinistryDetails>(
            await client.PutAsJsonAsync($"/api/ministries/{created.Id}", Builders.Ministry() with { Code = created.Code, NameNb = "Endret", Version = 0 }, Ct),
            HttpStatusCode.OK, Ct);

        var log = await Problem.ReadOkAsync<List<AuditItem>>(await client.GetAsync($"/api/ministries/audit/{created.Id}", Ct), HttpStatusCode.OK, Ct);

        // Newest first.
        Assert.Equal(["Updated", "Created"], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal("Kari Nordmann", e.Actor));
        Assert.All(log, e => Assert.Equal("Ministry", e.Entity));

        var updated = log[0];
        Assert.Equal("Testdepartementet", JsonDocument.Parse(updated.Before!).RootElement.GetProperty("NameNb").GetString());
        Assert.Equal("Endret", JsonDocument.Parse(updated.After!).RootElement.GetProperty("NameNb").GetString());
        Assert.False(JsonDocument.Parse(updated.After!).RootElement.TryGetProperty("Code", out _), "Only changed properties are logged.");

        var createdEntry = log[1];
        Assert.Null(createdEntry.Before);
        Assert.Equal(created.Code, JsonDocument.Parse(createdEntry.After!).RootElement.GetProperty("Code").GetString());
    }

    [Fact]
    public async Task AuditLog_ContactPerson_ForbiddenProblem()
    {
        var client = factory.CreateClientAs(People.ContactPersonFin);

        await Problem.ReadAsync(await client.GetAsync($"/api/ministries/audit/{Guid.NewGuid()}", Ct), HttpStatusCode.Forbidden, Ct);
    }

    private static async Task<MinistryDetails> CreateAsync(HttpClient client) =>
        await Problem.ReadOkAsync<MinistryDetails>(
            await client.PostAsJsonAsync("/api/ministries", Builders.Ministry(), Ct), HttpStatusCode.Created, Ct);
}
