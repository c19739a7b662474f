using Microsoft.EntityFrameworkCore;
using Moq;
using Samordning.Ministries.Data;
using Samordning.Shared.Http;
using Samordning.Shared.Persistence;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Tests.Shared.Persistence;

// The interceptor and the concurrency helper against a real SQLite file: the version check lives in the UPDATE's
// WHERE clause, which only a real database evaluates. The Ministries model serves as a module model.
public sealed class AuditingAndConcurrencyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);
    private static readonly Guid ActorId = Guid.NewGuid();

    private readonly string folder = Directory.CreateTempSubdirectory("samordning-audit-").FullName;
    private readonly Mock<IClock> clock = new();
    private readonly Mock<ICurrentUser> user = new();

    public AuditingAndConcurrencyTests()
    {
        clock.Setup(c => c.UtcNow).Returns(Now);
        user.Setup(u => u.PersonId).Returns(ActorId);
        user.Setup(u => u.DisplayName).Returns("Test Testesen");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SaveChanges_NewEntity_VersionZeroAndCreatedAudit()
    {
        var id = await AddMinistryAsync("Første");

        await using var db = Context();
        Assert.Equal(0, (await db.Ministries.SingleAsync(m => m.Id == id, Ct)).Version);
        var audit = await db.AuditLog.SingleAsync(a => a.EntityId == id, Ct);
        Assert.Equal("Created", audit.Action);
        Assert.Equal("Test Testesen", audit.Actor);
        Assert.Equal(ActorId, audit.PersonId);
        Assert.Equal(Now, audit.At);
        Assert.Null(audit.Before);
        Assert.Contains("\"NameNb\":\"F", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_ModifiedVersionedEntity_VersionIncrementedAndUpdatedAudit()
    {
        var id = await AddMinistryAsync("Før");

        await using (var db = Context())
        {
            var ministry = await db.Ministries.SingleAsync(m => m.Id == id, Ct);
            ministry.NameEn = "After";
            await db.SaveChangesAsync(Ct);
            Assert.Equal(1, ministry.Version);
        }

        await using var check = Context();
        Assert.Equal(1, (await check.Ministries.SingleAsync(m => m.Id == id, Ct)).Version);
        var updated = await check.AuditLog.Where(a => a.EntityId == id && a.Action == "Updated").SingleAsync(Ct);
        Assert.Equal("{\"NameEn\":\"Ministry of Testing\"}", updated.Before);
        Assert.Equal("{\"NameEn\":\"After\"}", updated.After);
    }

    [Fact]
    public async Task SaveChanges_UnchangedEntity_VersionUnchanged()
    {
        var id = await AddMinistryAsync("Uendret");

        await using var db = Context();
        var ministry = await db.Ministries.SingleAsync(m => m.Id == id, Ct);
        await db.SaveChangesAsync(Ct);

        Assert.Equal(0, ministry.Version);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == id, Ct));
    }

    [Fact]
    public async Task SaveAsync_CurrentVersion_OkAndSaved()
    {
        var id = await AddMinistryAsync("Før");
        await using var db = Context();
        var ministry = await db.Ministries.SingleAsync(m => m.Id == id, Ct);

        var outcome = await Concurrency.SaveAsync(db, ministry, 0, () => ministry.NameNb = "Etter", m => m.NameNb, Ct);

        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        Assert.Equal("Etter", await StoredNameAsync(id));
    }

    [Fact]
    public async Task SaveAsync_SomeoneSavedBetweenReadAndWrite_ConflictAndStoredRowUnchanged()
    {
        var id = await AddMinistryAsync("Original");
        await using var late = Context();
        var lateCopy = await late.Ministries.SingleAsync(m => m.Id == id, Ct);

        // Someone else saves after our read and before our write.
        await using (var early = Context())
        {
            var earlyCopy = await early.Ministries.SingleAsync(m => m.Id == id, Ct);
            earlyCopy.NameNb = "Først lagret";
            await early.SaveChangesAsync(Ct);
        }

        var outcome = await Concurrency.SaveAsync(late, lateCopy, 0, () => lateCopy.NameNb = "Sist lagret", m => (m.NameNb, m.Version), Ct);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Equal(("Først lagret", 1L), outcome.Value);
        Assert.Equal("Først lagret", await StoredNameAsync(id));
    }

    [Fact]
    public async Task SaveAsync_StaleExpectedVersion_ConflictWithoutTouchingEntity()
    {
        var id = await AddMinistryAsync("Original");
        await using (var other = Context())
        {
            (await other.Ministries.SingleAsync(m => m.Id == id, Ct)).NameNb = "Nyere";
            await other.SaveChangesAsync(Ct);
        }

        // The person edited version 0; the row we read is already version 1.
        await using var db = Context();
        var ministry = await db.Ministries.SingleAsync(m => m.Id == id, Ct);
        var applied = false;

        var outcome = await Concurrency.SaveAsync(db, ministry, 0, () => applied = true, m => (m.NameNb, m.Version), Ct);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Equal(("Nyere", 1L), outcome.Value);
        Assert.False(applied);
        Assert.Equal("Nyere", await StoredNameAsync(id));
    }

    [Fact]
    public async Task SaveAsync_NoExpectedVersion_InvalidOnVersion()
    {
        var id = await AddMinistryAsync("Original");
        await using var db = Context();
        var ministry = await db.Ministries.SingleAsync(m => m.Id == id, Ct);

        var outcome = await Concurrency.SaveAsync(db, ministry, null, () => ministry.NameNb = "Endret", m => m.NameNb, Ct);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.True(outcome.Errors!.ToDictionary().ContainsKey("Version"));
        Assert.Equal("Original", await StoredNameAsync(id));
    }

    [Fact]
    public async Task SaveAsync_RowDeletedMeanwhile_NotFound()
    {
        var id = await AddMinistryAsync("Slettes");
        await using var db = Context();
        var ministry = await db.Ministries.SingleAsync(m => m.Id == id, Ct);
        await using (var other = Context())
        {
            await other.Ministries.Where(m => m.Id == id).ExecuteDeleteAsync(Ct);
        }

        var outcome = await Concurrency.SaveAsync(db, ministry, 0, () => ministry.NameNb = "Endret", m => m.NameNb, Ct);

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
    }

    private SqliteMinistriesDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteMinistriesDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "ministries.db")};Pooling=False")
            .AddInterceptors(new AuditingInterceptor(user.Object, clock.Object))
            .Options);

    private async Task<Guid> AddMinistryAsync(string nameNb)
    {
        await using var db = Context();
        var ministry = new Ministry { Code = Infrastructure.Builders.UniqueCode(), NameNb = nameNb, NameEn = "Ministry of Testing" };
        db.Ministries.Add(ministry);
        await db.SaveChangesAsync(Ct);
        return ministry.Id;
    }

    private async Task<string> StoredNameAsync(Guid id)
    {
        await using var db = Context();
        return await db.Ministries.Where(m => m.Id == id).Select(m => m.NameNb).SingleAsync(Ct);
    }
}
