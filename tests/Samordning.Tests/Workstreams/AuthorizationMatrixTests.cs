using System.Net;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;
using Samordning.Workstreams.Workstreams;

namespace Samordning.Tests.Workstreams;

public enum Actor
{
    Coordinator,
    OwningContactPerson,
    CollaboratingContactPerson,
    UnrelatedContactPerson,
    Observer,
    Facilitator,
    Administrator,
    Unregistered,
    Anonymous,
}

public enum WorkstreamsAction
{
    CreateInitiative,
    EditInitiative,
    AddProgress,
    ReadInitiative,
    ReadInitiativeList,
    ReadProgressHistory,
    ReadDashboard,
    ReadWorkstreams,
    ReadRounds,
    CreateWorkstream,
    EditWorkstream,
    OpenRound,
    CloseRound,
    ConfirmInRound,
    SubmitInRound,
}

// Role × action × ministry, as issue 3 says: a contact person creates and edits only their own ministry's
// initiatives, a collaborating ministry's contact person adds progress, coordinators do everything, everyone
// registered reads, a person outside the registry gets 403 and an anonymous caller 401. The initiative belongs
// to FIN and has HOD as collaborator; KD is unrelated. Each write is checked to have happened exactly when allowed.
public sealed class AuthorizationMatrixTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static readonly Dictionary<WorkstreamsAction, int[]> Expected = new()
    {
        //                                        Coord OwnCP ColCP UnrCP  Obs   Fac   Adm  Unreg  Anon
        [WorkstreamsAction.CreateInitiative] = [201, 201, 403, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.EditInitiative] = [200, 200, 403, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.AddProgress] = [200, 200, 200, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.ReadInitiative] = [200, 200, 200, 200, 200, 200, 200, 403, 401],
        [WorkstreamsAction.ReadInitiativeList] = [200, 200, 200, 200, 200, 200, 200, 403, 401],
        [WorkstreamsAction.ReadProgressHistory] = [200, 200, 200, 200, 200, 200, 200, 403, 401],
        [WorkstreamsAction.ReadDashboard] = [200, 200, 200, 200, 200, 200, 200, 403, 401],
        [WorkstreamsAction.ReadWorkstreams] = [200, 200, 200, 200, 200, 200, 200, 403, 401],
        [WorkstreamsAction.ReadRounds] = [200, 200, 200, 200, 200, 200, 200, 403, 401],
        [WorkstreamsAction.CreateWorkstream] = [201, 403, 403, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.EditWorkstream] = [200, 403, 403, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.OpenRound] = [201, 403, 403, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.CloseRound] = [200, 403, 403, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.ConfirmInRound] = [200, 200, 403, 403, 403, 403, 403, 403, 401],
        [WorkstreamsAction.SubmitInRound] = [200, 200, 403, 403, 403, 403, 403, 403, 401],
    };

    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Actor, WorkstreamsAction, int> Matrix()
    {
        var data = new TheoryData<Actor, WorkstreamsAction, int>();
        foreach (var (action, codes) in Expected)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                data.Add(actor, action, codes[(int)actor]);
            }
        }

        return data;
    }

    [Fact]
    public void Matrix_EveryActionAndActor_HasAnExpectation()
    {
        Assert.Equal(Enum.GetValues<WorkstreamsAction>().Order(), Expected.Keys.Order());
        Assert.All(Expected.Values, codes => Assert.Equal(Enum.GetValues<Actor>().Length, codes.Length));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Action_ByActor_ExpectedStatusAndEffect(Actor actor, WorkstreamsAction action, int expected)
    {
        var client = api.As(EmailOf(actor));

        var (response, happened) = await ActAsync(client, action);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == (int)response.StatusCode, $"{actor} {action}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (happened is not null)
        {
            Assert.Equal(expected < 400, await happened());
        }
    }

    internal static string? EmailOf(Actor actor) => actor switch
    {
        Actor.Coordinator => People.Coordinator,
        Actor.OwningContactPerson => People.ContactPersonFin,
        Actor.CollaboratingContactPerson => People.ContactPersonHod,
        Actor.UnrelatedContactPerson => People.ContactPersonKd,
        Actor.Observer => People.Observer,
        Actor.Facilitator => People.Facilitator,
        Actor.Administrator => People.Administrator,
        Actor.Unregistered => People.Unknown,
        Actor.Anonymous => null,
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    // Performs the action as the client; returns the response and, for writes, a check of whether it took effect.
    private async Task<(HttpResponseMessage Response, Func<Task<bool>>? Happened)> ActAsync(HttpClient client, WorkstreamsAction action)
    {
        var coordinator = api.As(People.Coordinator);
        switch (action)
        {
            case WorkstreamsAction.CreateInitiative:
            {
                var request = await InitiativeRequestAsync();
                var response = await WorkstreamsApi.PostAsync(client, "/api/workstreams/initiatives", request);
                return (response, async () => (await api.ListAsync($"?q={Uri.EscapeDataString(request.Title!)}")).Total == 1);
            }

            case WorkstreamsAction.EditInitiative:
            {
                var initiative = await api.CreateInitiativeAsync(await InitiativeRequestAsync());
                var response = await WorkstreamsApi.PutAsync(
                    client, $"/api/workstreams/initiatives/{initiative.Id}", WorkstreamsApi.AsRequest(initiative) with { Title = initiative.Title + " endret" });
                return (response, async () => (await api.GetInitiativeAsync(initiative.Id)).Title.EndsWith(" endret", StringComparison.Ordinal));
            }

            case WorkstreamsAction.AddProgress:
            {
                var initiative = await api.CreateInitiativeAsync(await InitiativeRequestAsync());
                var response = await WorkstreamsApi.PostAsync(
                    client, $"/api/workstreams/initiatives/{initiative.Id}/progress", new ProgressRequest(Phase.Completed, 100, Rag.Amber, "Sent", "Ferdig", initiative.Version));
                return (response, async () => (await api.GetInitiativeAsync(initiative.Id)).Status == Rag.Amber);
            }

            case WorkstreamsAction.ReadInitiative:
            {
                var initiative = await api.CreateInitiativeAsync(await InitiativeRequestAsync());
                return (await client.GetAsync($"/api/workstreams/initiatives/{initiative.Id}", Ct), null);
            }

            case WorkstreamsAction.ReadInitiativeList:
                return (await client.GetAsync("/api/workstreams/initiatives?q=tiltak", Ct), null);

            case WorkstreamsAction.ReadProgressHistory:
            {
                var initiative = await api.CreateInitiativeAsync(await InitiativeRequestAsync());
                return (await client.GetAsync($"/api/workstreams/initiatives/{initiative.Id}/progress", Ct), null);
            }

            case WorkstreamsAction.ReadDashboard:
                return (await client.GetAsync("/api/workstreams/dashboard", Ct), null);

            case WorkstreamsAction.ReadWorkstreams:
                return (await client.GetAsync("/api/workstreams", Ct), null);

            case WorkstreamsAction.ReadRounds:
                return (await client.GetAsync("/api/workstreams/rounds", Ct), null);

            case WorkstreamsAction.CreateWorkstream:
            {
                var request = Builders.Workstream();
                var response = await WorkstreamsApi.PostAsync(client, "/api/workstreams", request);
                return (response, async () => (await WorkstreamsAsync()).Any(w => w.TitleNb == request.TitleNb));
            }

            case WorkstreamsAction.EditWorkstream:
            {
                var workstream = await api.CreateWorkstreamAsync();
                var request = Builders.Workstream() with { Version = workstream.Version };
                var response = await WorkstreamsApi.PutAsync(client, $"/api/workstreams/{workstream.Id}", request);
                return (response, async () => (await WorkstreamsAsync()).Single(w => w.Id == workstream.Id).TitleNb == request.TitleNb);
            }

            case WorkstreamsAction.OpenRound:
            {
                var request = RoundRequest();
                var response = await WorkstreamsApi.PostAsync(client, "/api/workstreams/rounds", request);
                return (response, async () =>
                {
                    var rounds = await RoundsAsync();
                    await CloseRoundsAsync(rounds.Where(r => r.Title == request.Title));
                    return rounds.Any(r => r.Title == request.Title);
                });
            }

            case WorkstreamsAction.CloseRound:
            {
                var round = await OpenRoundAsync();
                var response = await client.PostAsync($"/api/workstreams/rounds/{round.Id}/close", null, Ct);
                return (response, async () =>
                {
                    var closed = (await RoundAsync(round.Id)).ClosedAt is not null;
                    await CloseRoundsAsync([round]);
                    return closed;
                });
            }

            case WorkstreamsAction.ConfirmInRound:
            {
                var initiative = await api.CreateInitiativeAsync(await InitiativeRequestAsync());
                var round = await OpenRoundAsync();
                var response = await WorkstreamsApi.PostAsync(client, $"/api/workstreams/rounds/{round.Id}/initiatives/{initiative.Id}/confirm", new ConfirmRequest(null));
                return (response, async () =>
                {
                    var confirmed = (await RoundAsync(round.Id)).Ministries.Single(m => m.MinistryId == initiative.OwningMinistryId).Confirmed == 1;
                    await CloseRoundsAsync([round]);
                    return confirmed;
                });
            }

            case WorkstreamsAction.SubmitInRound:
            {
                var fin = await api.MinistryAsync("FIN");
                var round = await OpenRoundAsync();
                var unconfirmed = await WorkstreamsApi.AllUnconfirmedAsync(coordinator, round.Id, fin.Id);
                foreach (var initiative in unconfirmed)
                {
                    var confirmed = await WorkstreamsApi.PostAsync(coordinator, $"/api/workstreams/rounds/{round.Id}/initiatives/{initiative.Id}/confirm", new ConfirmRequest(null));
                    Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
                }

                var response = await WorkstreamsApi.PostAsync(client, $"/api/workstreams/rounds/{round.Id}/submit", new SubmitRequest(fin.Id));
                return (response, async () =>
                {
                    var submitted = (await RoundAsync(round.Id)).Ministries.Single(m => m.MinistryId == fin.Id).State == RoundState.Submitted;
                    await CloseRoundsAsync([round]);
                    return submitted;
                });
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    // Completed, so the round actions' "confirm every running initiative" stays small however many rows ran.
    private async Task<InitiativeRequest> InitiativeRequestAsync()
    {
        var fin = await api.MinistryAsync("FIN");
        var hod = await api.MinistryAsync("HOD");
        return Builders.Initiative(fin.Id) with { CollaboratingMinistryIds = [hod.Id], Phase = Phase.Completed, Progress = 100 };
    }

    private static OpenRoundRequest RoundRequest() =>
        new($"Status per {Guid.NewGuid():N}", null, DateTimeOffset.UtcNow.AddDays(14));

    private async Task<RoundProgress> OpenRoundAsync() =>
        await WorkstreamsApi.ReadAsync<RoundProgress>(await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds", RoundRequest()), HttpStatusCode.Created);

    private async Task<RoundProgress> RoundAsync(Guid id) =>
        await WorkstreamsApi.ReadAsync<RoundProgress>(await api.As(People.Observer).GetAsync($"/api/workstreams/rounds/{id}", Ct), HttpStatusCode.OK);

    private async Task<List<RoundListItem>> RoundsAsync() =>
        await WorkstreamsApi.ReadAsync<List<RoundListItem>>(await api.As(People.Observer).GetAsync("/api/workstreams/rounds", Ct), HttpStatusCode.OK);

    private async Task<List<WorkstreamDetails>> WorkstreamsAsync() =>
        await WorkstreamsApi.ReadAsync<List<WorkstreamDetails>>(await api.As(People.Observer).GetAsync("/api/workstreams", Ct), HttpStatusCode.OK);

    // Rounds left open would make every later update confirm in them too; closing keeps each row on its own.
    private async Task CloseRoundsAsync(IEnumerable<RoundListItem> rounds)
    {
        foreach (var round in rounds)
        {
            await api.As(People.Coordinator).PostAsync($"/api/workstreams/rounds/{round.Id}/close", null, Ct);
        }
    }

    private Task CloseRoundsAsync(IEnumerable<RoundProgress> rounds) =>
        CloseRoundsAsync(rounds.Select(r => new RoundListItem(r.Id, r.Title, r.Deadline, r.ClosedAt, 0)));
}
