using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Milestones;

namespace Samordning.Tests.PublicProcess;

// The process page's milestones (issue 18, point 1): only the KMD team curates them, every change is audited, and a
// stale version is a conflict, never an overwrite.
public sealed class MilestoneTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly Samordning.Tests.Workstreams.WorkstreamsApi store = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.ContactPersonFin, HttpStatusCode.Forbidden)]
    [InlineData(People.Observer, HttpStatusCode.Forbidden)]
    [InlineData(People.Facilitator, HttpStatusCode.Forbidden)]
    [InlineData(People.Coordinator, HttpStatusCode.Created)]
    public async Task Create_ByRole_OnlyCoordinatorMay(string? person, HttpStatusCode expected)
    {
        var title = $"Rolletest {Guid.NewGuid():N}";

        var response = await factory.CreateClientAs(person).PostAsJsonAsync("/api/workstreams/milestones", ProcessApi.Milestone(title), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created, await store.WithDbAsync(db => db.Milestones.AnyAsync(m => m.TitleNb == title, Ct)));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.ContactPersonFin, HttpStatusCode.Forbidden)]
    public async Task UpdateMoveDelete_NotCoordinator_RefusedAndUnchanged(string? person, HttpStatusCode expected)
    {
        var milestone = await ProcessApi.CreateAsync(factory, ProcessApi.Milestone());
        var client = factory.CreateClientAs(person);

        var update = await client.PutAsJsonAsync($"/api/workstreams/milestones/{milestone.Id}", milestone.ToRequest() with { TitleNb = "Endret" }, Ct);
        var move = await client.PostAsJsonAsync($"/api/workstreams/milestones/{milestone.Id}/move", new MoveMilestoneRequest(MoveDirection.Up, milestone.Version), Ct);
        var delete = await client.DeleteAsync($"/api/workstreams/milestones/{milestone.Id}?version={milestone.Version}", Ct);
        var list = await client.GetAsync("/api/workstreams/milestones", Ct);

        Assert.Equal([expected, expected, expected, expected], new[] { update.StatusCode, move.StatusCode, delete.StatusCode, list.StatusCode });
        var stored = await store.WithDbAsync(db => db.Milestones.SingleAsync(m => m.Id == milestone.Id, Ct));
        Assert.Equal((milestone.TitleNb, milestone.Version), (stored.TitleNb, stored.Version));
    }

    [Fact]
    public async Task Create_Empty_ErrorsNameEveryField()
    {
        var response = await factory.CreateClientAs(People.Coordinator).PostAsJsonAsync(
            "/api/workstreams/milestones", new MilestoneRequest(null, " ", null, DescriptionNb: new string('x', 4001)), Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Date", "DescriptionNb", "TitleEn", "TitleNb"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_StaleVersion_ConflictWithCurrentState()
    {
        var milestone = await ProcessApi.CreateAsync(factory, ProcessApi.Milestone());
        var client = factory.CreateClientAs(People.Coordinator);
        var first = await client.PutAsJsonAsync($"/api/workstreams/milestones/{milestone.Id}", milestone.ToRequest() with { TitleNb = "Først" }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await client.PutAsJsonAsync($"/api/workstreams/milestones/{milestone.Id}", milestone.ToRequest() with { TitleNb = "Sist" }, Ct);
        var staleDelete = await client.DeleteAsync($"/api/workstreams/milestones/{milestone.Id}?version={milestone.Version}", Ct);

        await Problem.ReadAsync(second, HttpStatusCode.Conflict, Ct);
        await Problem.ReadAsync(staleDelete, HttpStatusCode.Conflict, Ct);
        Assert.Equal("Først", (await store.WithDbAsync(db => db.Milestones.SingleAsync(m => m.Id == milestone.Id, Ct))).TitleNb);
    }

    [Fact]
    public async Task CreateUpdateDelete_Coordinator_AuditedEachTime()
    {
        var milestone = await ProcessApi.CreateAsync(factory, ProcessApi.Milestone());
        var client = factory.CreateClientAs(People.Coordinator);
        var updated = await Problem.ReadOkAsync<MilestoneDetails>(
            await client.PutAsJsonAsync($"/api/workstreams/milestones/{milestone.Id}", milestone.ToRequest() with { TitleNn = "Milepæl på nynorsk" }, Ct), HttpStatusCode.OK, Ct);

        var deleted = await client.DeleteAsync($"/api/workstreams/milestones/{milestone.Id}?version={updated.Version}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await store.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Id == milestone.Id, Ct)));
        var audit = await store.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == milestone.Id).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(["Created", "Updated", "Deleted"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(nameof(Milestone), a.Entity));
        var coordinator = await factory.PersonIdAsync(People.Coordinator, Ct);
        Assert.All(audit, a => Assert.Equal(coordinator, a.PersonId));
    }

    [Fact]
    public async Task Move_UpThenStale_SwapsWithNeighbourThenConflict()
    {
        var first = await ProcessApi.CreateAsync(factory, ProcessApi.Milestone());
        var second = await ProcessApi.CreateAsync(factory, ProcessApi.Milestone());
        var client = factory.CreateClientAs(People.Coordinator);

        var moved = await client.PostAsJsonAsync($"/api/workstreams/milestones/{second.Id}/move", new MoveMilestoneRequest(MoveDirection.Up, second.Version), Ct);
        var stale = await client.PostAsJsonAsync($"/api/workstreams/milestones/{second.Id}/move", new MoveMilestoneRequest(MoveDirection.Down, second.Version), Ct);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        var order = (await client.GetFromJsonAsync<List<MilestoneDetails>>("/api/workstreams/milestones", Ct))!.Select(m => m.Id).ToList();
        Assert.True(order.IndexOf(second.Id) < order.IndexOf(first.Id), "The moved milestone should come before its old neighbour.");
    }

    [Fact]
    public async Task Pages_CoordinatorCreatesThroughForm_ContactPersonRefused()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var token = await Feedback.PublicForm.AntiforgeryAsync(coordinator, "/prosess/milepaeler/ny");
        var title = $"Skjema {Guid.NewGuid():N}";

        var posted = await coordinator.PostAsync("/prosess/milepaeler/ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.TitleNb"] = title, ["Input.TitleEn"] = "Form", ["Input.Date"] = "2026-06-01", ["Input.Published"] = "true",
        }), Ct);
        var refused = await factory.CreateClientAs(People.ContactPersonFin).GetAsync("/prosess/milepaeler", Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(title, await coordinator.GetStringAsync("/prosess/milepaeler", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
