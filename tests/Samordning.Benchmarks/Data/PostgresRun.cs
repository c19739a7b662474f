using Npgsql;
using Samordning.Benchmarks.Harness;

namespace Samordning.Benchmarks.Data;

// A fresh PostgreSQL database for one run on the server build/bench started (BENCH_POSTGRES), migrated and seeded by
// the host at start-up as the SQLite files are, and dropped when the run ends (kept when BENCH_KEEP_DATABASE is 1, to
// read its plans afterwards; the run prints its name).
internal sealed class PostgresRun : IAsyncDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private readonly string server;

    private PostgresRun(string server, string connectionString) => (this.server, ConnectionString) = (server, connectionString);

    public string ConnectionString { get; }

    // What the host needs to run on it.
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Database:Provider"] = "PostgreSql",
        ["Database:ConnectionString"] = ConnectionString,
    };

    public static async Task<PostgresRun> CreateAsync(string? server, CancellationToken cancellationToken)
    {
        server = string.IsNullOrWhiteSpace(server) ? DefaultServer : server;
        // Made here, never from outside text, so it is safe in the statement.
        var name = $"samordning_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);

            // The server's CPU is that of its postmaster and the processes it starts, not of other clusters here.
            await using var backend = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
            if (await backend.ExecuteScalarAsync(cancellationToken) is int pid)
            {
                CpuSample.DatabaseServerPid = CpuSample.ParentOf(pid);
            }
        }

        return new PostgresRun(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_DATABASE") == "1")
        {
            Console.WriteLine($"Kept the database {name} (BENCH_KEEP_DATABASE=1).");
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
