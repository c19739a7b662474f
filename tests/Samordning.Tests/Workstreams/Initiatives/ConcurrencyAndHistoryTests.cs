using System.Net;
using System.Text.Json;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Initiatives;

// Two people editing the same initiative never overwrite each other silently, and every change is kept as a
// dated progress entry that the history returns in order.
public sealed class ConcurrencyAndHistoryTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_TwiceFromSameVersion_SecondConflictsWithCurrentStateAndFirstKept()
    {
        var read = await CreateAsync();
        var first = WorkstreamsApi.AsRequest(read) with { Title = "Første redaktør", Progress = 30 };
        var second = WorkstreamsApi.AsRequest(read) with { Title = "Andre redaktør", Progress = 70 };

        var firstResponse = await WorkstreamsApi.PutAsync(api.As(People.ContactPersonFin), Url(read), first);
        var secondResponse = await WorkstreamsApi.PutAsync(api.As(People.Coordinator), Url(read), second);

        var saved = await WorkstreamsApi.ReadAsync<InitiativeDetails>(firstResponse, HttpStatusCode.OK);
        Assert.Equal(read.Version + 1, saved.Version);
        var problem = await Problem.ReadAsync(secondResponse, HttpStatusCode.Conflict, Ct);
        Assert.Equal("Noen andre har endret dette i mellomtiden.", problem.GetProperty("title").GetString());
        var current = problem.GetProperty("current").Deserialize<InitiativeDetails>(WorkstreamsApi.Json)!;
        Assert.Equal("Første redaktør", current.Title);
        Assert.Equal(30, current.Progress);
        Assert.Equal(saved.Version, current.Version);
        var stored = await api.GetInitiativeAsync(read.Id);
        Assert.Equal("Første redaktør", stored.Title);
        Assert.Equal(30, stored.Progress);
        Assert.Equal(2, (await HistoryAsync(read.Id)).Count);
    }

    [Fact]
    public async Task Update_TwoAtOnceFromSameVersion_OneSavedOneConflict()
    {
        var read = await CreateAsync();

        var responses = await Task.WhenAll(
            WorkstreamsApi.PutAsync(api.As(People.ContactPersonFin), Url(read), WorkstreamsApi.AsRequest(read) with { Title = "A" }),
            WorkstreamsApi.PutAsync(api.As(People.Coordinator), Url(read), WorkstreamsApi.AsRequest(read) with { Title = "B" }));

        var codes = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
        var winner = await WorkstreamsApi.ReadAsync<InitiativeDetails>(responses.Single(r => r.StatusCode == HttpStatusCode.OK), HttpStatusCode.OK);
        var stored = await api.GetInitiativeAsync(read.Id);
        Assert.Equal(winner.Title, stored.Title);
        Assert.Equal(read.Version + 1, stored.Version);
        Assert.Equal(2, (await HistoryAsync(read.Id)).Count);
    }

    [Fact]
    public async Task AddProgress_StaleVersion_ConflictWithCurrentState()
    {
        var read = await CreateAsync();
        var update = await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), ProgressUrl(read), Builders.Progress(read.Version) with { Progress = 55 }), HttpStatusCode.OK);

        var stale = await WorkstreamsApi.PostAsync(api.As(People.ContactPersonHod), ProgressUrl(read), Builders.Progress(read.Version) with { Progress = 90 });

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal(55, problem.GetProperty("current").GetProperty("progress").GetInt32());
        Assert.Equal(update.Version, problem.GetProperty("current").GetProperty("version").GetInt64());
        Assert.Equal(55, (await api.GetInitiativeAsync(read.Id)).Progress);
        Assert.Equal(2, (await HistoryAsync(read.Id)).Count);
    }

    [Fact]
    public async Task Update_WithoutVersion_VersionFieldError()
    {
        var read = await CreateAsync();

        var response = await WorkstreamsApi.PutAsync(api.As(People.Coordinator), Url(read), WorkstreamsApi.AsRequest(read) with { Title = "Uten versjon", Version = null });

        Assert.Equal(["Versjonen du endrer, må oppgis."], (await Problem.ReadErrorsAsync(response, Ct))["Version"]);
        Assert.Equal(read.Title, (await api.GetInitiativeAsync(read.Id)).Title);
    }

    [Fact]
    public async Task UpdateWorkstream_StaleVersion_ConflictWithCurrentState()
    {
        var workstream = await api.CreateWorkstreamAsync();
        var first = Builders.Workstream() with { Version = workstream.Version };
        var coordinator = api.As(People.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await WorkstreamsApi.PutAsync(coordinator, $"/api/workstreams/{workstream.Id}", first)).StatusCode);

        var stale = await WorkstreamsApi.PutAsync(coordinator, $"/api/workstreams/{workstream.Id}", Builders.Workstream() with { Version = workstream.Version });

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal(first.TitleNb, problem.GetProperty("current").GetProperty("titleNb").GetString());
    }

    [Fact]
    public async Task History_CreateProgressAndUpdate_EveryChangeDatedInOrder()
    {
        var created = await CreateAsync();
        var byOwner = await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), ProgressUrl(created), new ProgressRequest(Phase.InProgress, 25, Rag.Green, null, "I gang", created.Version)),
            HttpStatusCode.OK);
        var byCollaborator = await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PostAsync(api.As(People.ContactPersonHod), ProgressUrl(created), new ProgressRequest(Phase.InProgress, 40, Rag.Amber, "Forsinket levering", "Fra HOD", byOwner.Version)),
            HttpStatusCode.OK);
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PutAsync(api.As(People.Coordinator), Url(created), WorkstreamsApi.AsRequest(byCollaborator) with { Phase = Phase.Scaling, Progress = 80, Status = Rag.Green, StatusReason = null, Note = "Skaleres nå" }),
            HttpStatusCode.OK);

        var history = await HistoryAsync(created.Id);

        Assert.Equal([Phase.Planned, Phase.InProgress, Phase.InProgress, Phase.Scaling], history.Select(h => h.Phase));
        Assert.Equal([10, 25, 40, 80], history.Select(h => h.Progress));
        Assert.Equal([Rag.Green, Rag.Green, Rag.Amber, Rag.Green], history.Select(h => h.Status));
        Assert.Equal([null, "I gang", "Fra HOD", "Skaleres nå"], history.Select(h => h.Note));
        Assert.Equal("Forsinket levering", history[2].StatusReason);
        Assert.Equal(["Kari Nordmann", "Per Hansen", "Ingrid Berg", "Kari Nordmann"], history.Select(h => h.PersonName));
        Assert.Equal(history.Select(h => h.At).Order(), history.Select(h => h.At));
        Assert.All(history, h => Assert.InRange(h.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddSeconds(5)));
    }

    [Fact]
    public async Task History_UnknownInitiative_NotFound()
    {
        var response = await api.As(People.Observer).GetAsync($"/api/workstreams/initiatives/{Guid.NewGuid()}/progress", Ct);

        await Problem.ReadAsync(response, HttpStatusCode.NotFound, Ct);
    }

    private async Task<InitiativeDetails> CreateAsync()
    {
        var fin = await api.MinistryAsync("FIN");
        var hod = await api.MinistryAsync("HOD");
        return await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { CollaboratingMinistryIds = [hod.Id] });
    }

    private static string Url(InitiativeDetails initiative) => $"/api/workstreams/initiatives/{initiative.Id}";

    private static string ProgressUrl(InitiativeDetails initiative) => $"/api/workstreams/initiatives/{initiative.Id}/progress";

    private async Task<List<ProgressItem>> HistoryAsync(Guid id) =>
        await WorkstreamsApi.ReadAsync<List<ProgressItem>>(await api.As(People.Observer).GetAsync($"/api/workstreams/initiatives/{id}/progress", Ct), HttpStatusCode.OK);
}
