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

// On PostgreSQL the search's connection plans each statement for its values: it comes from a pool of search
// connections that start so (SearchMatch.SearchConnectionString), and the context goes back to its store's
// connection string afterwards, so that the store's connections keep the server's default. A store pool of one
// connection of its own, with the stores' connection settings, makes "the store's next connection" that very one.
[Trait("Pass", "Server")]
public sealed class SearchConnectionPostgresTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string PlanCacheMode = """SELECT current_setting('plan_cache_mode') AS "Value" """;
    private const string Backend = """SELECT pg_backend_pid() AS "Value" """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnOneConnection_PlansForTheValuesInside_StoreConnectionsUnchanged()
    {
        await using var db = PoolOfOne();
        var stores = db.Database.GetConnectionString();
        var store = await StoreConnectionAsync(db);
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
        Assert.NotEqual(store.Backend, backends[0]);
        Assert.Equal(stores, db.Database.GetConnectionString());
        Assert.Equal(store, await StoreConnectionAsync(db));
    }

    [Fact]
    public async Task OnOneConnection_SourceFails_ContextBackOnItsStoreConnection()
    {
        await using var db = PoolOfOne();
        var stores = db.Database.GetConnectionString();
        var store = await StoreConnectionAsync(db);
        string? inside = null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => SearchMatch.OnOneConnectionAsync(
            db,
            async () =>
            {
                inside = await ScalarAsync<string>(db, PlanCacheMode);
                throw new InvalidOperationException("a source failed");
            },
            Ct));

        Assert.Equal("force_custom_plan", inside);
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Equal(stores, db.Database.GetConnectionString());
        Assert.Equal(store, await StoreConnectionAsync(db));
    }

    [Fact]
    public async Task OnOneConnection_ConnectionOpenedByTheCaller_UsedAsItIs()
    {
        await using var db = PoolOfOne();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            // Read on the opened connection itself: a pool may hand out another backend after a close.
            var opened = (await ScalarAsync<int>(db, Backend), await ScalarAsync<string>(db, PlanCacheMode));
            var inside = (0, "");
            await SearchMatch.OnOneConnectionAsync(db, async () =>
            {
                inside = (await ScalarAsync<int>(db, Backend), await ScalarAsync<string>(db, PlanCacheMode));
                return SearchSourceResult.None;
            }, Ct);

            Assert.Equal(opened, inside);
            Assert.Equal("auto", inside.Item2);
            Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task OnOneConnection_Reused_OnTheStoresConnectionWithTheServersDefault()
    {
        await using var db = PoolOfOne();
        var stores = db.Database.GetConnectionString();
        var store = await StoreConnectionAsync(db);
        var inside = (0, "");

        await SearchMatch.OnOneConnectionAsync(
            db,
            async () =>
            {
                inside = (await ScalarAsync<int>(db, Backend), await ScalarAsync<string>(db, PlanCacheMode));
                return SearchSourceResult.None;
            },
            Ct,
            SearchPlanning.Reused);

        Assert.Equal(store, inside);
        Assert.Equal("auto", inside.Item2);
        Assert.Equal(stores, db.Database.GetConnectionString());
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [Fact]
    public void SearchConnectionString_KeepsTheStoresSettingsAndOptions()
    {
        var stores = new NpgsqlConnectionStringBuilder("Host=db;Database=samordning;Max Auto Prepare=64;Options=-c statement_timeout=5000").ConnectionString;

        var search = new NpgsqlConnectionStringBuilder(SearchMatch.SearchConnectionString(stores));

        Assert.Equal(("db", "samordning", 64), (search.Host, search.Database, search.MaxAutoPrepare));
        Assert.Equal("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan", search.Options);
        Assert.Equal(SearchMatch.SearchConnectionString(stores), SearchMatch.SearchConnectionString(stores));
    }

    private static Task<T> ScalarAsync<T>(DbContext db, string sql) => db.Database.SqlQueryRaw<T>(sql).SingleAsync(Ct);

    // The backend of the context's store connection (the pool has one) and its plan_cache_mode.
    private static async Task<(int Backend, string Mode)> StoreConnectionAsync(DbContext db)
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
