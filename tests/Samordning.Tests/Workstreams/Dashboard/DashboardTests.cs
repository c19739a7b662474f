using System.Net;
using Samordning.Shared.Time;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Dashboard;

// The dashboard keeps its counts up to date instead of counting per request; these tests recompute them from
// the initiatives themselves after creates, edits, phase and ministry changes, with and without filters.
public sealed class DashboardTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    private readonly WorkstreamsApi api = world.Api;
    private readonly Guid finId = world.Fin;
    private readonly Guid hod = world.Hod;
    private readonly Guid kd = world.Kd;
    private readonly Guid w1 = world.W1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_AfterChanges_CountsEqualRecomputation()
    {
        var all = await AllInitiativesAsync();

        var view = await DashboardAsync("");

        Assert.Equal(Recompute(all, view), Cells(view));
        Assert.Equal(all.Count, view.Total());
        Assert.Equal(all.Count(i => i.WorkstreamIds.Contains(w1)), view.Matrix.Where(c => c.Workstream == WorkstreamIndex(view, w1)).Sum(c => c.Phases.Sum()));
        Assert.Equal(all.Count(i => i.OwningMinistryId == kd && i.Phase == Phase.InProgress), view.Total(MinistryIndex(view, kd), phase: Phase.InProgress));
    }

    [Fact]
    public async Task Dashboard_Answer_CompactWithEveryNameOnce()
    {
        var view = await DashboardAsync("");

        Assert.Equal(Enum.GetValues<Phase>(), view.Phases);
        Assert.Equal(Enum.GetValues<Rag>(), view.Statuses);
        Assert.Equal(view.Ministries.Count, view.Ministries.Select(m => m.Id).Distinct().Count());
        Assert.All(view.Totals, t => Assert.Equal(view.Phases.Count, t.Counts.Count));
        Assert.All(view.Totals, t => Assert.All(t.Counts, row => Assert.Equal(view.Statuses.Count, row.Count)));
        Assert.All(view.Matrix, c => Assert.InRange(c.Ministry, 0, view.Ministries.Count - 1));
        Assert.All(view.Matrix, c => Assert.True(c.Workstream is null || c.Workstream < view.Workstreams.Count));
        Assert.All(view.Matrix, c => Assert.Equal(c.Phases.Sum(), c.Statuses.Sum()));
        Assert.All(view.Matrix, c => Assert.True(c.Phases.Sum() > 0, "Only non-empty cells are listed."));
        Assert.True(view.History.Count <= DashboardView.HistoryDays);
        Assert.All(view.History, h => Assert.Equal(view.Phases.Count, h.Counts.Count));
    }

    [Fact]
    public async Task Dashboard_AfterACommittedChange_NextAnswerHasIt()
    {
        var before = await DashboardAsync("");
        var fin = MinistryIndex(before, finId);

        var created = await api.CreateInitiativeAsync(Builders.Initiative(finId) with { Phase = Phase.Planned, Status = Rag.Red, StatusReason = "Uavklart" }, People.ContactPersonFin);
        var afterCreate = await DashboardAsync("");
        var stopped = await WorkstreamsApi.PostAsync(
            api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{created.Id}/progress", new ProgressRequest(Phase.Stopped, 0, Rag.Red, "Avsluttet", null, created.Version));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var afterProgress = await DashboardAsync("");

        Assert.Equal(before.Total() + 1, afterCreate.Total());
        Assert.Equal(before.Total(fin, Phase.Planned, Rag.Red) + 1, afterCreate.Total(fin, Phase.Planned, Rag.Red));
        Assert.Equal(before.Total(fin, Phase.Planned, Rag.Red), afterProgress.Total(fin, Phase.Planned, Rag.Red));
        Assert.Equal(before.Total(fin, Phase.Stopped, Rag.Red) + 1, afterProgress.Total(fin, Phase.Stopped, Rag.Red));
        Assert.Equal(Recompute(await AllInitiativesAsync(), afterProgress), Cells(afterProgress));
    }

    [Fact]
    public async Task Dashboard_Unfiltered_RoundsAndWorkstreamsChangedSinceShowAtOnce()
    {
        await DashboardAsync("");
        var coordinator = api.As(People.Coordinator);

        var round = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(coordinator, "/api/workstreams/rounds", new OpenRoundRequest("Runde som lukkes", null, DateTimeOffset.UtcNow.AddDays(3))), HttpStatusCode.Created);
        var afterOpen = await DashboardAsync("");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/workstreams/rounds/{round.Id}/close", null, Ct)).StatusCode);
        var afterClose = await DashboardAsync("");
        var workstream = await api.CreateWorkstreamAsync();
        var afterWorkstream = await DashboardAsync("");

        Assert.Equal(round.Id, afterOpen.LatestRound?.Id);
        Assert.False(afterClose.LatestRound is { ClosedAt: null } open && open.Id == round.Id, "The closed round is still shown as open.");
        Assert.DoesNotContain(afterClose.Workstreams, w => w.Id == workstream.Id);
        Assert.Contains(afterWorkstream.Workstreams, w => w.Id == workstream.Id);
    }

    [Fact]
    public async Task Dashboard_MinistryFilter_CountsOwnedAsTheListWithOwnedOnly()
    {
        var all = await AllInitiativesAsync();

        var view = await DashboardAsync($"?ministryId={finId}");
        var owned = await api.ListAsync($"?ministryId={finId}&ownedOnly=true&pageSize=200");
        var ownedOrCollaborating = await api.ListAsync($"?ministryId={finId}&pageSize=200");

        Assert.Equal(all.Count(i => i.OwningMinistryId == finId), view.Total());
        Assert.Equal(view.Total(), owned.Total);
        Assert.All(owned.Items, i => Assert.Equal("FIN", i.OwningMinistryCode));
        Assert.True(ownedOrCollaborating.Total > owned.Total, "FIN collaborates on an initiative another ministry owns.");
        Assert.All(view.CrossSectoral.Items, i => Assert.Equal("FIN", i.OwningMinistryCode));
    }

    [Theory]
    [InlineData("ministry")]
    [InlineData("phase")]
    [InlineData("status")]
    [InlineData("tag")]
    [InlineData("ministry+status")]
    public async Task Dashboard_Filtered_CountsEqualRecomputationOfThoseInitiatives(string filter)
    {
        var all = await AllInitiativesAsync();
        var (query, keep) = filter switch
        {
            "ministry" => ($"?ministryId={finId}", (Func<InitiativeDetails, bool>)(i => i.OwningMinistryId == finId)),
            "phase" => ("?phase=InProgress", i => i.Phase == Phase.InProgress),
            "status" => ("?status=Red", i => i.Status == Rag.Red),
            "tag" => ("?tag=alfa", i => i.Tags.Contains("alfa")),
            "ministry+status" => ($"?ministryId={kd}&status=Green", i => i.OwningMinistryId == kd && i.Status == Rag.Green),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };

        var view = await DashboardAsync(query);

        var expected = Recompute(all.Where(keep), view);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Cells(view));
    }

    [Fact]
    public async Task Dashboard_FilteredByWorkstream_OnlyThatWorkstreamAndItsInitiatives()
    {
        var all = await AllInitiativesAsync();

        var view = await DashboardAsync($"?workstreamId={w1}");

        Assert.Equal(w1, Assert.Single(view.Workstreams).Id);
        var inW1 = all.Where(i => i.WorkstreamIds.Contains(w1)).ToList();
        Assert.Equal(inW1.Count, view.Total());
        Assert.Equal(inW1.Count(i => i.OwningMinistryId == finId), view.Total(MinistryIndex(view, finId)));
        Assert.All(view.Matrix, c => Assert.Equal(0, c.Workstream));
        Assert.Equal(inW1.Count, view.Matrix.Sum(c => c.Phases.Sum()));
        Assert.Equal(inW1.Count, (await api.ListAsync($"?workstreamId={w1}")).Total);
        Assert.Equal(inW1.Where(i => i.CollaboratingMinistries.Count > 0).Select(i => i.Id).Order(), view.CrossSectoral.Items.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Dashboard_CrossSectoral_ExactlyThoseWithCollaboratingMinistries()
    {
        var all = await AllInitiativesAsync();

        var view = await DashboardAsync("");

        var expected = all.Where(i => i.CollaboratingMinistries.Count > 0).Select(i => i.Id).Order().ToList();
        Assert.True(expected.Count is > 0 and <= DashboardView.CrossSectoralShown, $"{expected.Count} cross-sectoral initiatives; the dashboard shows 20.");
        Assert.Equal(expected, view.CrossSectoral.Items.Select(i => i.Id).Order());
        Assert.False(view.CrossSectoral.More);
        Assert.All(view.CrossSectoral.Items, i => Assert.True(i.CollaboratorCount > 0));
    }

    [Fact]
    public async Task Dashboard_PhaseHistory_TodayMatchesCurrentPhases()
    {
        var all = await AllInitiativesAsync();

        var view = await DashboardAsync("");

        var today = DateOnly.FromDateTime(Oslo.ToOslo(DateTimeOffset.UtcNow).DateTime);
        var todays = Assert.Single(view.History, p => p.Day == today);
        Assert.Equal(view.History[^1], todays);
        foreach (var (phase, n) in view.Phases.Select((phase, n) => (phase, n)))
        {
            Assert.Equal(all.Count(i => i.Phase == phase), todays.Counts[n]);
        }
    }

    [Fact]
    public async Task Dashboard_RoundCompletion_PerMinistry()
    {
        var coordinator = api.As(People.Coordinator);
        var round = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(coordinator, "/api/workstreams/rounds", new OpenRoundRequest("Status for dashbordet", null, DateTimeOffset.UtcNow.AddDays(10))), HttpStatusCode.Created);
        var unconfirmed = await WorkstreamsApi.AllUnconfirmedAsync(coordinator, round.Id, hod);
        foreach (var initiative in unconfirmed)
        {
            Assert.Equal(HttpStatusCode.OK, (await WorkstreamsApi.PostAsync(coordinator, $"/api/workstreams/rounds/{round.Id}/initiatives/{initiative.Id}/confirm", new ConfirmRequest(null))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await WorkstreamsApi.PostAsync(api.As(People.ContactPersonHod), $"/api/workstreams/rounds/{round.Id}/submit", new SubmitRequest(hod))).StatusCode);

        var view = await DashboardAsync("");

        Assert.NotNull(view.LatestRound);
        Assert.Equal(round.Id, view.LatestRound.Id);
        var states = view.LatestRound.Ministries.ToDictionary(m => m.MinistryId, m => m.State);
        Assert.Equal(RoundState.Submitted, states[hod]);
        Assert.Equal(RoundState.NotStarted, states[kd]);
        Assert.Equal(1, view.LatestRound.Submitted);
    }

    private async Task<List<InitiativeDetails>> AllInitiativesAsync()
    {
        var page = await api.ListAsync("?pageSize=200");
        Assert.True(page.Total <= 200, "The recomputation reads one page.");
        var all = new List<InitiativeDetails>();
        foreach (var item in page.Items)
        {
            all.Add(await api.GetInitiativeAsync(item.Id));
        }

        return all;
    }

    private async Task<DashboardView> DashboardAsync(string query) =>
        await WorkstreamsApi.ReadAsync<DashboardView>(await api.As(People.Observer).GetAsync("/api/workstreams/dashboard" + query, Ct), HttpStatusCode.OK);

    private static int MinistryIndex(DashboardView view, Guid id) => view.Ministries.Select(m => m.Id).ToList().IndexOf(id);

    private static int WorkstreamIndex(DashboardView view, Guid id) => view.Workstreams.Select(w => w.Id).ToList().IndexOf(id);

    // Each initiative counts once in its owning ministry's totals (phase × status), and once per workstream it
    // contributes to, or under "none", in the matrix (per phase and per status).
    private static SortedDictionary<string, int> Recompute(IEnumerable<InitiativeDetails> initiatives, DashboardView view)
    {
        var cells = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Count(string key) => cells[key] = cells.GetValueOrDefault(key) + 1;
        foreach (var i in initiatives)
        {
            Count($"total|{i.OwningMinistryId}|{i.Phase}|{i.Status}");
            IEnumerable<Guid?> workstreams = i.WorkstreamIds.Count == 0 ? [null] : i.WorkstreamIds.Select(w => (Guid?)w);
            foreach (var workstream in workstreams.Where(w => w is null || WorkstreamIndex(view, w.Value) >= 0))
            {
                Count($"phase|{i.OwningMinistryId}|{workstream}|{i.Phase}");
                Count($"status|{i.OwningMinistryId}|{workstream}|{i.Status}");
            }
        }

        return cells;
    }

    private static SortedDictionary<string, int> Cells(DashboardView view)
    {
        var cells = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Add(string key, int count)
        {
            if (count != 0)
            {
                cells[key] = cells.GetValueOrDefault(key) + count;
            }
        }

        foreach (var t in view.Totals)
        {
            for (var p = 0; p < view.Phases.Count; p++)
            {
                for (var s = 0; s < view.Statuses.Count; s++)
                {
                    Add($"total|{view.Ministries[t.Ministry].Id}|{view.Phases[p]}|{view.Statuses[s]}", t.Counts[p][s]);
                }
            }
        }

        foreach (var c in view.Matrix)
        {
            var ministry = view.Ministries[c.Ministry].Id;
            var workstream = c.Workstream is { } w ? view.Workstreams[w].Id : (Guid?)null;
            for (var p = 0; p < view.Phases.Count; p++)
            {
                Add($"phase|{ministry}|{workstream}|{view.Phases[p]}", c.Phases[p]);
            }

            for (var s = 0; s < view.Statuses.Count; s++)
            {
                Add($"status|{ministry}|{workstream}|{view.Statuses[s]}", c.Statuses[s]);
            }
        }

        return cells;
    }
}

// One host whose initiatives went through a series of changes, shared by the dashboard tests.
public sealed class DashboardWorld : IAsyncLifetime
{
    private readonly SamordningFactory factory = new();

    public DashboardWorld() => Api = new(factory);

    internal WorkstreamsApi Api { get; }

    public Guid Fin { get; private set; }

    public Guid Hod { get; private set; }

    public Guid Kd { get; private set; }

    public Guid W1 { get; private set; }

    public Guid W2 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Fin = (await Api.MinistryAsync("FIN")).Id;
        Hod = (await Api.MinistryAsync("HOD")).Id;
        Kd = (await Api.MinistryAsync("KD")).Id;
        W1 = (await Api.CreateWorkstreamAsync()).Id;
        W2 = (await Api.CreateWorkstreamAsync()).Id;
        await ChangeSeriesAsync();
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    // Initiatives across ministries, workstreams, phases and statuses, then edits that move them between cells:
    // phase and status changes, a workstream dropped, a ministry changed, a progress entry by a collaborator.
    private async Task ChangeSeriesAsync()
    {
        var a = await Api.CreateInitiativeAsync(
            Builders.Initiative(Fin) with { WorkstreamIds = [W1], Tags = ["alfa"] }, People.ContactPersonFin);
        var b = await Api.CreateInitiativeAsync(
            Builders.Initiative(Fin) with { WorkstreamIds = [W1, W2], Phase = Phase.InProgress, Status = Rag.Amber, StatusReason = "Ressurser", CollaboratingMinistryIds = [Hod], Tags = ["beta"] });
        var c = await Api.CreateInitiativeAsync(Builders.Initiative(Hod) with { Phase = Phase.Idea, Tags = ["gamma"] }, People.ContactPersonHod);
        var d = await Api.CreateInitiativeAsync(
            Builders.Initiative(Kd) with { WorkstreamIds = [W2], Phase = Phase.InProgress, Status = Rag.Red, StatusReason = "Mangler hjemmel", CollaboratingMinistryIds = [Fin], Tags = ["alfa"] },
            People.ContactPersonKd);
        var e = await Api.CreateInitiativeAsync(Builders.Initiative(Kd) with { WorkstreamIds = [W1], Phase = Phase.Scaling, Tags = ["gamma"] }, People.ContactPersonKd);

        await ProgressAsync(a, People.ContactPersonFin, new ProgressRequest(Phase.InProgress, 30, Rag.Red, "Leverandør trakk seg", null, a.Version));
        await PutAsync(People.Coordinator, b, WorkstreamsApi.AsRequest(b) with { WorkstreamIds = [W2], Phase = Phase.Scaling, Status = Rag.Green, StatusReason = null });
        await PutAsync(People.Coordinator, c, WorkstreamsApi.AsRequest(c) with { OwningMinistryId = Kd, WorkstreamIds = [W1] });
        var dAfter = await ProgressAsync(d, People.ContactPersonFin, new ProgressRequest(Phase.InProgress, 50, Rag.Amber, "Bedre", null, d.Version));
        await ProgressAsync(dAfter, People.ContactPersonKd, new ProgressRequest(Phase.Completed, 100, Rag.Green, null, null, dAfter.Version));
        await PutAsync(People.ContactPersonKd, e, WorkstreamsApi.AsRequest(e) with { Title = e.Title + " (nytt navn)" });
    }

    private async Task<InitiativeDetails> ProgressAsync(InitiativeDetails initiative, string email, ProgressRequest request) =>
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PostAsync(Api.As(email), $"/api/workstreams/initiatives/{initiative.Id}/progress", request), HttpStatusCode.OK);

    private async Task PutAsync(string email, InitiativeDetails initiative, InitiativeRequest request) =>
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PutAsync(Api.As(email), $"/api/workstreams/initiatives/{initiative.Id}", request), HttpStatusCode.OK);
}
