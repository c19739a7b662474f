using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samordning.Meetings.Data;
using Samordning.Shared.Persistence;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Persistence;

// The stores' PostgreSQL connections prepare what EF Core sends again and again and skip the reset on return
// (docs/benchmarks.md: the entry write's server CPU), unless the operator's connection string says otherwise.
public sealed class PostgresConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DatabaseSettings Settings(string connectionString) => DatabaseSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = connectionString })
        .Build());

    [Fact]
    public void PostgresConnectionString_NothingWritten_PreparesAndSkipsTheReset()
    {
        var built = new NpgsqlConnectionStringBuilder(Settings("Host=db.example;Database=samordning;Username=app").PostgresConnectionString());

        Assert.Equal((64, 2, true), (built.MaxAutoPrepare, built.AutoPrepareMinUsages, built.NoResetOnClose));
        Assert.Equal(("db.example", "samordning", "app"), (built.Host, built.Database, built.Username));
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=false")]
    [InlineData("host=db.example;maxautoprepare=0;AUTO PREPARE MIN USAGES=5;noresetonclose=false")]
    public void PostgresConnectionString_OperatorWroteThem_Kept(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(Settings(connectionString).PostgresConnectionString());

        Assert.Equal((0, 5, false), (built.MaxAutoPrepare, built.AutoPrepareMinUsages, built.NoResetOnClose));
    }

    // On the server pass: a module store's query, sent a few times on one connection, runs as a prepared statement.
    [Fact]
    [Trait("Pass", "Server")]
    public async Task ModuleStore_SameQueryAgain_RunsPrepared()
    {
        Assert.True(TestDatabase.Provider == "PostgreSql", $"The server pass of this test is on PostgreSQL, not {TestDatabase.Provider}.");
        await using var factory = new SamordningFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        await db.Database.OpenConnectionAsync(Ct);
        for (var i = 0; i < 3; i++)
        {
            await db.Meetings.AsNoTracking().Where(m => m.Title != "").CountAsync(Ct);
        }

        var prepared = await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM pg_prepared_statements WHERE statement LIKE '%"Meetings"%'""").SingleAsync(Ct);

        Assert.True(prepared > 0, "The store's repeated query was not prepared on its connection.");
    }
}
