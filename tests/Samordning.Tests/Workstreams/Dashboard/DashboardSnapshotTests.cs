using Microsoft.EntityFrameworkCore;
using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Workstreams.Dashboard;

// The dashboard a node keeps in memory is read again exactly when the store's version of the aggregates moved,
// whichever node (here: another context) made the change: the counts when the counts' version moved, the rest of the
// answer whenever the module's did.
public sealed class DashboardSnapshotTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Fin = Guid.NewGuid();
    private static readonly MinistryInfo[] Ministries = [new(Fin, "FIN", "Finansdepartementet", "Ministry of Finance")];
    private static readonly Guid Jus = Guid.NewGuid();
    private static readonly DashboardMinistry[] BothMinistries =
        [new(Fin, "FIN", "Finansdepartementet", "Ministry of Finance"), new(Jus, "JUS", "Justis- og beredskapsdepartementet", "Ministry of Justice")];

    private readonly DashboardSnapshot snapshot = new();
    private InMemoryWorkstreamsDb database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await InMemoryWorkstreamsDb.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        snapshot.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Get_NothingChanged_SameSnapshotWithoutReadingAgain()
    {
        await using var db = database.Context();

        var first = await snapshot.GetAsync(db, Ct);
        var second = await snapshot.GetAsync(db, Ct);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Get_AfterAChangeCommittedElsewhere_HasTheChange()
    {
        await using var db = database.Context();
        var before = await snapshot.GetAsync(db, Ct);

        await CreateAsync(Phase.InProgress);
        var after = await snapshot.GetAsync(db, Ct);

        Assert.Empty(before.Counts.RunningPerMinistry());
        Assert.True(after.Version > before.Version);
        Assert.Equal(1, after.Counts.RunningPerMinistry()[Fin]);
        Assert.Equal(1, after.History[^1].Counts[(int)Phase.InProgress]);
    }

    [Fact]
    public async Task Get_ChangeRolledBack_KeepsTheSnapshot()
    {
        await using var db = database.Context();
        var before = await snapshot.GetAsync(db, Ct);

        await CreateAsync(Phase.Idea, commit: false);

        Assert.Same(before, await snapshot.GetAsync(db, Ct));
    }

    [Fact]
    public async Task Get_AfterASaveThatMovesNoCount_KeepsTheCountsUnderTheNewVersion()
    {
        var id = await CreateAsync(Phase.InProgress);
        await using var db = database.Context();
        var before = await snapshot.GetAsync(db, Ct);

        await UpdateAsync(id, Rag.Green, progress: 40);
        var after = await snapshot.GetAsync(db, Ct);

        Assert.True(after.Version > before.Version);
        Assert.Equal(before.CountsVersion, after.CountsVersion);
        Assert.Same(before.Counts, after.Counts);
        Assert.Same(before.History, after.History);
    }

    [Fact]
    public async Task Get_AfterAStatusChange_ReadsTheCountsAgain()
    {
        var id = await CreateAsync(Phase.InProgress);
        await using var db = database.Context();
        var before = await snapshot.GetAsync(db, Ct);

        await UpdateAsync(id, Rag.Red, progress: 40);
        var after = await snapshot.GetAsync(db, Ct);

        Assert.True(after.CountsVersion > before.CountsVersion);
        Assert.Empty(RedTotals(before));
        Assert.Single(RedTotals(after));
    }

    // Only the cells a change moved are read again: another ministry's table is the one kept before.
    [Fact]
    public async Task Get_AfterAStatusChange_ReadsOnlyTheChangedCells()
    {
        var id = await CreateAsync(Phase.InProgress);
        await CreateAsync(Phase.Idea, ministry: Jus);
        await using var db = database.Context();
        var before = await snapshot.GetAsync(db, Ct);

        await UpdateAsync(id, Rag.Red, progress: 40);
        var after = await snapshot.GetAsync(db, Ct);

        Assert.NotNull(before.Counts.TableOf(Jus, DashboardCell.AllWorkstreams));
        Assert.Same(before.Counts.TableOf(Jus, DashboardCell.AllWorkstreams), after.Counts.TableOf(Jus, DashboardCell.AllWorkstreams));
        Assert.NotSame(before.Counts.TableOf(Fin, DashboardCell.AllWorkstreams), after.Counts.TableOf(Fin, DashboardCell.AllWorkstreams));
        Assert.Single(RedTotals(after));
    }

    // Counts moved by the changed cells alone, over many changes, phases and days, are the counts read whole.
    [Fact]
    public async Task Get_AfterManyChangesElsewhere_KeptCountsAreTheCountsReadWhole()
    {
        var first = await CreateAsync(Phase.InProgress);
        await using var db = database.Context();
        await snapshot.GetAsync(db, Ct);

        var second = await CreateAsync(Phase.Idea, ministry: Jus);
        await snapshot.GetAsync(db, Ct);
        await UpdateAsync(first, Rag.Red, progress: 10);
        await UpdateAsync(second, Rag.Green, progress: 20, phase: Phase.Completed, at: Now.AddDays(1));
        await snapshot.GetAsync(db, Ct);
        await CreateAsync(Phase.Planned, at: Now.AddDays(2));
        await UpdateAsync(first, Rag.Amber, progress: 30, phase: Phase.Stopped, at: Now.AddDays(2));
        var moved = await snapshot.GetAsync(db, Ct);
        using var fresh = new DashboardSnapshot();
        var whole = await fresh.GetAsync(db, Ct);

        Assert.Equal(whole.CountsVersion, moved.CountsVersion);
        Assert.Equal(Json(whole.Counts.Project(BothMinistries, [], new DashboardFilter())), Json(moved.Counts.Project(BothMinistries, [], new DashboardFilter())));
        Assert.Equal(Json(whole.Counts.RunningPerMinistry().OrderBy(r => r.Key)), Json(moved.Counts.RunningPerMinistry().OrderBy(r => r.Key)));
        Assert.Equal(Json(whole.History), Json(moved.History));
        Assert.Equal(3, moved.History.Count);
        Assert.Equal(1, moved.History[^1].Counts[(int)Phase.Stopped]);
    }

    [Fact]
    public async Task Get_AfterASaveThatMovesNoCount_DoesNotAnswerWithTheOlderUnfilteredView()
    {
        var id = await CreateAsync(Phase.InProgress);
        await using var db = database.Context();
        var before = await snapshot.GetAsync(db, Ct);
        var older = EmptyView();
        await before.UnfilteredAsync(Ministries, () => Task.FromResult(older), Ct);

        await UpdateAsync(id, Rag.Green, progress: 60);
        var after = await snapshot.GetAsync(db, Ct);
        var newer = EmptyView();

        Assert.Same(older, await before.UnfilteredAsync(Ministries, () => Task.FromResult(EmptyView()), Ct));
        Assert.Same(newer, await after.UnfilteredAsync(Ministries, () => Task.FromResult(newer), Ct));
    }

    [Fact]
    public async Task Unfiltered_ManyRequestsAtOnce_MakeItOnceAndShareIt()
    {
        await using var db = database.Context();
        var kept = await snapshot.GetAsync(db, Ct);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var made = 0;

        var answers = Enumerable.Range(0, 8)
            .Select(_ => kept.UnfilteredAsync(Ministries, () => MakeAfterAsync(gate.Task, () => Interlocked.Increment(ref made)), Ct))
            .ToList();
        gate.SetResult();
        var views = await Task.WhenAll(answers);

        Assert.Equal(1, made);
        Assert.All(views, v => Assert.Same(views[0], v));
    }

    // Read-your-writes: a request that saw a newer version does not wait for (or take) the answer still being made
    // for the older one.
    [Fact]
    public async Task Unfiltered_OlderVersionStillBeingMade_NewerVersionMakesItsOwn()
    {
        var id = await CreateAsync(Phase.InProgress);
        await using var db = database.Context();
        var before = await snapshot.GetAsync(db, Ct);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var older = before.UnfilteredAsync(Ministries, () => MakeAfterAsync(gate.Task, () => 0), Ct);

        await UpdateAsync(id, Rag.Green, progress: 70);
        var after = await snapshot.GetAsync(db, Ct);
        var newer = EmptyView();
        var answer = await after.UnfilteredAsync(Ministries, () => Task.FromResult(newer), Ct);

        Assert.False(older.IsCompleted);
        Assert.Same(newer, answer);
        gate.SetResult();
        Assert.NotSame(newer, await older);
    }

    [Fact]
    public async Task Unfiltered_TheMakingRequestGoesAway_TheWaiterMakesItItself()
    {
        await using var db = database.Context();
        var kept = await snapshot.GetAsync(db, Ct);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var own = EmptyView();

        var leaving = kept.UnfilteredAsync(Ministries, async () =>
        {
            await gate.Task;
            throw new OperationCanceledException();
        }, Ct);
        var waiting = kept.UnfilteredAsync(Ministries, () => Task.FromResult(own), Ct);
        gate.SetResult();

        await Assert.ThrowsAsync<OperationCanceledException>(() => leaving);
        Assert.Same(own, await waiting);
        Assert.Same(own, await kept.UnfilteredAsync(Ministries, () => Task.FromResult(EmptyView()), Ct));
    }

    [Fact]
    public async Task Get_ManyReadersAfterAChange_ShareOneReadOfTheCounts()
    {
        await CreateAsync(Phase.InProgress);
        var contexts = Enumerable.Range(0, 8).Select(_ => database.ContextOnItsOwnConnection()).ToList();
        try
        {
            var kept = await Task.WhenAll(contexts.Select(c => Task.Run(() => snapshot.GetAsync(c, Ct), Ct)));

            Assert.All(kept, k => Assert.Same(kept[0].Counts, k.Counts));
            Assert.Equal(1, kept[0].Counts.RunningPerMinistry()[Fin]);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    private static List<MinistryTotals> RedTotals(DashboardSnapshot.Kept kept) =>
        kept.Counts.Project([new DashboardMinistry(Fin, "FIN", "Finansdepartementet", "Ministry of Finance")], [], new DashboardFilter(Status: Rag.Red)).Totals;

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static async Task<DashboardView> MakeAfterAsync(Task gate, Func<int> count)
    {
        count();
        await gate;
        return EmptyView();
    }

    private static DashboardView EmptyView() =>
        new(DashboardCounts.Phases, DashboardCounts.Statuses, [], [], [], [], new CrossSectoralList([], false), [], null, null);

    // A progress update as InitiativeChanges saves it: the initiative with its counts moved (none when phase and
    // status stay), in a context of its own.
    private async Task UpdateAsync(Guid id, Rag status, int progress, Phase? phase = null, DateTimeOffset? at = null)
    {
        await using var other = database.Context();
        await using var transaction = await other.Database.BeginTransactionAsync(Ct);
        var initiative = await other.Initiatives.Include(i => i.Workstreams).SingleAsync(i => i.Id == id, Ct);
        var before = DashboardAggregates.CellsOf(initiative);
        initiative.Status = status;
        initiative.Progress = progress;
        initiative.Phase = phase ?? initiative.Phase;
        await other.SaveChangesAsync(Ct);
        await DashboardAggregates.ApplyAsync(other, before, DashboardAggregates.CellsOf(initiative), phaseMayHaveChanged: phase is not null, at ?? Now, Ct);
        await transaction.CommitAsync(Ct);
    }

    // An initiative saved and counted as InitiativeChanges does, in a context of its own.
    private async Task<Guid> CreateAsync(Phase phase, bool commit = true, Guid? ministry = null, DateTimeOffset? at = null)
    {
        await using var other = database.Context();
        await using var transaction = await other.Database.BeginTransactionAsync(Ct);
        var owner = ministry ?? Fin;
        var initiative = new Initiative
        {
            Title = "Tiltak", OwningMinistryId = owner, OwningMinistryCode = owner == Fin ? "FIN" : "JUS", Phase = phase, UpdatedAt = at ?? Now,
        };
        other.Initiatives.Add(initiative);
        await other.SaveChangesAsync(Ct);
        await DashboardAggregates.ApplyAsync(other, [], DashboardAggregates.CellsOf(initiative), phaseMayHaveChanged: true, at ?? Now, Ct);
        if (commit)
        {
            await transaction.CommitAsync(Ct);
        }

        return initiative.Id;
    }
}
