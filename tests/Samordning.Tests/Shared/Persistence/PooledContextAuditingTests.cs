using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Samordning.Ministries.Data;
using Samordning.Shared.Persistence;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Tests.Shared.Persistence;

// Module contexts are pooled and the auditing interceptor is one singleton: a context reused by the next scope
// must audit that scope's person, not the person of the scope that used it before.
public sealed class PooledContextAuditingTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("samordning-pool-").FullName;
    private ServiceProvider provider = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataFolder"] = folder })
            .Build();
        var clock = new Mock<IClock>();
        clock.Setup(c => c.UtcNow).Returns(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton(clock.Object);
        services.AddScoped<ScopeUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ScopeUser>());
        services.AddModuleDbContext<MinistriesDbContext, SqliteMinistriesDbContext, PostgresMinistriesDbContext>(configuration, "ministries");
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MinistriesDbContext>().Database.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SaveChanges_ContextReusedByAnotherScope_AuditedAsEachScopesPerson()
    {
        var (anneContext, anneMinistry) = await AddMinistryAsAsync("Anne Andersen");
        var (bjornContext, bjornMinistry) = await AddMinistryAsAsync("Bjørn Berg");

        // The second scope got the first scope's context back from the pool: the case this test is about.
        Assert.Same(anneContext, bjornContext);
        await using var scope = provider.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<MinistriesDbContext>().AuditLog.AsNoTracking().ToListAsync(Ct);
        Assert.Equal("Anne Andersen", Assert.Single(audit, a => a.EntityId == anneMinistry).Actor);
        Assert.Equal("Bjørn Berg", Assert.Single(audit, a => a.EntityId == bjornMinistry).Actor);
    }

    [Fact]
    public async Task Rent_OnSqlite_SavesTakeTurnsPerFile()
    {
        await using var scope = provider.CreateAsyncScope();

        Assert.True(scope.ServiceProvider.GetRequiredService<MinistriesDbContext>().QueueSqliteWrites);
    }

    [Fact]
    public async Task SaveChanges_SixteenScopesAtOnce_EverySaveStoredOnce()
    {
        var saves = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => AddMinistryAsAsync($"Person {i}")));

        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinistriesDbContext>();
        var ids = saves.Select(s => s.Ministry).ToList();
        Assert.Equal(16, await db.Ministries.CountAsync(m => ids.Contains(m.Id), Ct));
        Assert.Equal(16, await db.AuditLog.CountAsync(a => ids.Contains(a.EntityId), Ct));
    }

    private async Task<(MinistriesDbContext Context, Guid Ministry)> AddMinistryAsAsync(string person)
    {
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopeUser>().DisplayName = person;
        var db = scope.ServiceProvider.GetRequiredService<MinistriesDbContext>();
        var ministry = new Ministry { Code = Infrastructure.Builders.UniqueCode(), NameNb = $"Departementet til {person}", NameEn = "Ministry" };
        db.Ministries.Add(ministry);
        await db.SaveChangesAsync(Ct);
        return (db, ministry.Id);
    }

    private sealed class ScopeUser : ICurrentUser
    {
        public Guid? PersonId => null;

        public string DisplayName { get; set; } = "";

        public ClaimsPrincipal Principal { get; } = new(new ClaimsIdentity());
    }
}
