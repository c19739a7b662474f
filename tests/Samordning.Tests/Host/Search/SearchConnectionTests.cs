using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samordning.Shared.Persistence;
using Samordning.Shared.Search;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Host.Search;

// A source's queries run on one open connection (SearchMatch.OnOneConnectionAsync), on every provider.
public sealed class SearchConnectionTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnOneConnection_EveryQueryOnTheOneOpenConnection_ClosedAfterwards()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var connection = db.Database.GetDbConnection();
        Assert.Equal(ConnectionState.Closed, connection.State);

        var states = new List<ConnectionState>();
        var result = await SearchMatch.OnOneConnectionAsync(db, async () =>
        {
            states.Add(connection.State);
            await db.Workstreams.CountAsync(Ct);
            states.Add(connection.State);
            await db.Initiatives.CountAsync(Ct);
            states.Add(connection.State);
            return new SearchSourceResult([], 7);
        }, Ct);

        Assert.Equal(7, result.Total);
        Assert.Equal([ConnectionState.Open, ConnectionState.Open, ConnectionState.Open], states);
        Assert.Equal(ConnectionState.Closed, connection.State);
    }
}

// On PostgreSQL the search's connection plans each statement for its values while the search runs, and goes back to
// the pool with the server's default, so whatever borrows that physical connection next is unchanged (the stores'
// connections are not reset on close). A pool of one connection of its own, with the stores' connection settings,
// makes "the next borrower" that very connection.
[Trait("Pass", "Server")]
public sealed class SearchConnectionPostgresTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string PlanCacheMode = """SELECT current_setting('plan_cache_mode') AS "Value" """;
    private const string Backend = """SELECT pg_backend_pid() AS "Value" """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnOneConnection_PlansForTheValuesInside_ConnectionBackInThePoolAsFound()
    {
        await using var db = PoolOfOne();
        var backends = new List<int>();
        string? inside = null;

        await SearchMatch.OnOneConnectionAsync(db, async () =>
        {
            backends.Add(await ScalarAsync<int>(db, Backend));
            inside = await ScalarAsync<string>(db, PlanCacheMode);
            backends.Add(await ScalarAsync<int>(db, Backend));
            return SearchSourceResult.None;
        }, Ct);

        Assert.Equal("force_custom_plan", inside);
        Assert.Single(backends.Distinct());
        Assert.Equal((backends[0], "auto"), await NextBorrowerAsync(db));
    }

    [Fact]
    public async Task OnOneConnection_SourceFails_ConnectionBackInThePoolAsFound()
    {
        await using var db = PoolOfOne();
        var backend = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => SearchMatch.OnOneConnectionAsync(
            db,
            async () =>
            {
                backend = await ScalarAsync<int>(db, Backend);
                throw new InvalidOperationException("a source failed");
            },
            Ct));

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Equal((backend, "auto"), await NextBorrowerAsync(db));
    }

    private static Task<T> ScalarAsync<T>(DbContext db, string sql) => db.Database.SqlQueryRaw<T>(sql).SingleAsync(Ct);

    private static async Task<(int Backend, string Mode)> NextBorrowerAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            return (await ScalarAsync<int>(db, Backend), await ScalarAsync<string>(db, PlanCacheMode));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private Bare PoolOfOne()
    {
        var stores = DatabaseSettings.From(factory.Services.GetRequiredService<IConfiguration>()).PostgresConnectionString();
        var connection = new NpgsqlConnectionStringBuilder(stores) { MaxPoolSize = 1, ApplicationName = $"search-connection-{Guid.NewGuid():N}" };
        return new Bare(new DbContextOptionsBuilder<Bare>().UseNpgsql(connection.ConnectionString).Options);
    }

    private sealed class Bare(DbContextOptions<Bare> options) : DbContext(options);
}
