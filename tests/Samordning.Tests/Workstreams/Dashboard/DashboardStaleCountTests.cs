using Microsoft.EntityFrameworkCore;
using Moq;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Time;
using Samordning.Tests.Notifications;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Workstreams.Dashboard;

// The dashboard's "not confirmed for 60 days" per ministry is kept per version of the data, Oslo day and filter
// (DashboardSnapshot.Kept.StaleAsync): a kept count must move when a status is confirmed (a save moves the version)
// and when Oslo's midnight passes with no save at all, and must not be counted again while neither happened.
public sealed class DashboardStaleCountTests : IAsyncLifetime
{
    private static readonly Guid Fin = Guid.NewGuid();
    private static readonly MinistryInfo[] Ministries = [new(Fin, "FIN", "Finansdepartementet", "Ministry of Finance")];

    // 10 February 2026 in Oslo (UTC+1): 23:50 there is 22:50 UTC, ten past midnight 23:10 UTC, the same UTC date.
    private static readonly DateTimeOffset BeforeMidnight = new(2026, 2, 10, 22, 50, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterMidnight = new(2026, 2, 10, 23, 10, 0, TimeSpan.Zero);

    private readonly DashboardSnapshot snapshot = new();
    private readonly TestClock clock = new(BeforeMidnight);
    private readonly Mock<IMinistryDirectory> directory = new();
    private InMemoryWorkstreamsDb database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await InMemoryWorkstreamsDb.CreateAsync(Ct);
        directory.Setup(d => d.GetMinistriesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Ministries);
    }

    public async ValueTask DisposeAsync()
    {
        snapshot.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Stale_OsloMidnightPassesWithoutASave_CountedForTheNewDay()
    {
        // Confirmed at noon 59 Oslo days before the 10th: not 60 days old on the 10th, 60 on the 11th.
        await CreateAsync(OsloNoon(new DateOnly(2026, 2, 10).AddDays(-59)));
        var before = await StaleFinAsync();

        clock.UtcNow = AfterMidnight;
        var after = await StaleFinAsync();

        Assert.Equal((0, 1), (before, after));
    }

    [Fact]
    public async Task Stale_StatusConfirmed_CountedAgainWithoutIt()
    {
        var id = await CreateAsync(OsloNoon(new DateOnly(2026, 2, 10).AddDays(-90)));
        var before = await StaleFinAsync();

        await ConfirmAsync(id, clock.UtcNow);
        var after = await StaleFinAsync();

        Assert.Equal((1, 0), (before, after));
    }

    [Fact]
    public async Task Stale_SameVersionDayAndFilter_CountedOnceAndShared()
    {
        await using var db = database.Context();
        var kept = await snapshot.GetAsync(db, Ct);
        var day = Oslo.DateOf(clock.UtcNow);
        var counted = 0;
        Task<IReadOnlyDictionary<Guid, int>> Count()
        {
            Interlocked.Increment(ref counted);
            return Task.FromResult<IReadOnlyDictionary<Guid, int>>(new Dictionary<Guid, int> { [Fin] = 3 });
        }

        var first = await kept.StaleAsync(day, new DashboardFilter(), Count, Ct);
        var again = await kept.StaleAsync(day, new DashboardFilter(), Count, Ct);
        await kept.StaleAsync(day, new DashboardFilter(Status: Rag.Red), Count, Ct);
        await kept.StaleAsync(day.AddDays(1), new DashboardFilter(), Count, Ct);

        Assert.Same(first, again);
        Assert.Equal(3, counted);
    }

    private static DateTimeOffset OsloNoon(DateOnly day)
    {
        var noon = day.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, Oslo.TimeZone.GetUtcOffset(noon));
    }

    private async Task<int> StaleFinAsync()
    {
        await using var db = database.Context();
        var view = await GetDashboard.WithNotConfirmedAsync(db, snapshot, directory.Object, clock, new DashboardFilter(), Ct);
        return view.NotConfirmed!.Ministries.Where(c => view.Ministries[c.Ministry].Id == Fin).Sum(c => c.Count);
    }

    // A status confirmed as a round's confirmation saves it: only its age moves, in a context of its own.
    private async Task ConfirmAsync(Guid id, DateTimeOffset at)
    {
        await using var other = database.Context();
        var initiative = await other.Initiatives.SingleAsync(i => i.Id == id, Ct);
        initiative.StatusConfirmedAt = at;
        await other.SaveChangesAsync(Ct);
    }

    // An initiative saved and counted as InitiativeChanges does, in a context of its own.
    private async Task<Guid> CreateAsync(DateTimeOffset statusConfirmedAt)
    {
        await using var other = database.Context();
        await using var transaction = await other.Database.BeginTransactionAsync(Ct);
        var initiative = new Initiative
        {
            Title = "Tiltak", OwningMinistryId = Fin, OwningMinistryCode = "FIN", Phase = Phase.InProgress, UpdatedAt = statusConfirmedAt, StatusConfirmedAt = statusConfirmedAt,
        };
        other.Initiatives.Add(initiative);
        await other.SaveChangesAsync(Ct);
        await DashboardAggregates.ApplyAsync(other, [], DashboardAggregates.CellsOf(initiative), phaseMayHaveChanged: true, statusConfirmedAt, Ct);
        await transaction.CommitAsync(Ct);
        return initiative.Id;
    }
}
