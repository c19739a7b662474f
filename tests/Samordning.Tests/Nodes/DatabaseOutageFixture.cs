using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Nodes;

// Two nodes as SeveralNodesFixture starts them, on a PostgreSQL cluster of their own that the test may stop and
// start again: the suite's shared cluster keeps serving the tests that run beside this one.
public sealed class DatabaseOutageFixture : SeveralNodesFixture
{
    public PrivatePostgres Postgres { get; private set; } = null!;

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (Postgres is not null)
            {
                await Postgres.DisposeAsync();
            }
        }
    }

    protected override async Task<string> CreateDatabaseAsync(string key)
    {
        Postgres = await PrivatePostgres.StartAsync();
        return Postgres.ConnectionString;
    }

    // The whole cluster goes when the fixture does.
    protected override void DropDatabase(string connectionString)
    {
    }
}
