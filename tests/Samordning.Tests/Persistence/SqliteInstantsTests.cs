using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Shared.Persistence;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;

namespace Samordning.Tests.Persistence;

// SQLite keeps instants in UTC so that its integers order as the instants do; a file an earlier version wrote with
// Oslo offsets is rewritten once at start, and never again.
[Trait("Provider", "Sqlite")]
public sealed class SqliteInstantsTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static readonly DateTimeOffsetToBinaryConverter Legacy = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_InstantWithOsloOffset_StoredAtOffsetZero()
    {
        var meeting = await MeetingTestData.CreateLiveAsync(factory);
        var starts = new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.FromHours(1));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();

        await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.StartsAt, starts), Ct);

        Assert.Equal(SqliteInstants.ToStored(starts.ToUniversalTime()), await RawStartsAtAsync(db, meeting.Id));
        Assert.Equal(0, await RawStartsAtAsync(db, meeting.Id) & 0x7FF);
    }

    [Fact]
    public async Task NormaliseOnce_ValueAnEarlierVersionStoredWithItsOffset_SameInstantInUtcThenMarkedDone()
    {
        var meeting = await MeetingTestData.CreateLiveAsync(factory);
        var summer = new DateTimeOffset(2026, 6, 30, 0, 30, 0, TimeSpan.FromHours(2));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        await SetRawStartsAtAsync(db, meeting.Id, Legacy.ConvertToProviderTyped(summer));
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__InstantsInUtc" WHERE "Context" = {0}""", [db.GetType().Name], Ct);

        await SqliteInstants.NormaliseOnceAsync(db, Ct);
        var rewritten = await RawStartsAtAsync(db, meeting.Id);
        await SetRawStartsAtAsync(db, meeting.Id, Legacy.ConvertToProviderTyped(summer));
        await SqliteInstants.NormaliseOnceAsync(db, Ct);

        Assert.Equal(SqliteInstants.ToStored(summer), rewritten);
        Assert.Equal(summer.UtcDateTime, SqliteInstants.FromStored(rewritten).UtcDateTime);
        Assert.Equal(Legacy.ConvertToProviderTyped(summer), await RawStartsAtAsync(db, meeting.Id));
    }

    private static async Task<long> RawStartsAtAsync(MeetingsDbContext db, Guid id) =>
        await db.Database.SqlQueryRaw<long>("""SELECT "StartsAt" AS "Value" FROM "Meetings" WHERE "Id" = {0}""", id.ToString().ToUpperInvariant()).SingleAsync(Ct);

    private static async Task SetRawStartsAtAsync(MeetingsDbContext db, Guid id, long raw) =>
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Meetings" SET "StartsAt" = {0} WHERE "Id" = {1}""", [raw, id.ToString().ToUpperInvariant()], Ct);
}
