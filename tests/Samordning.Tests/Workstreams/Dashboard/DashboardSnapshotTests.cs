using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Workstreams.Dashboard;

// The dashboard a node keeps in memory is read again exactly when the store's version of the aggregates moved,
// whichever node (here: another context) made the change.
public sealed class DashboardSnapshotTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Fin = Guid.NewGuid();

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

    // An initiative saved and counted as InitiativeChanges does, in a context of its own.
    private async Task CreateAsync(Phase phase, bool commit = true)
    {
        await using var other = database.Context();
        await using var transaction = await other.Database.BeginTransactionAsync(Ct);
        var initiative = new Initiative { Title = "Tiltak", OwningMinistryId = Fin, OwningMinistryCode = "FIN", Phase = phase, UpdatedAt = Now };
        other.Initiatives.Add(initiative);
        await other.SaveChangesAsync(Ct);
        await DashboardAggregates.ApplyAsync(other, [], DashboardAggregates.CellsOf(initiative), phaseMayHaveChanged: true, Now, Ct);
        if (commit)
        {
            await transaction.CommitAsync(Ct);
        }
    }
}
