using Microsoft.Data.SqlClient;
using Npgsql;

namespace Samordning.Tests.Infrastructure;

// Which database the integration suite runs on. build/test runs it on SQLite files (the default), then with
// SAMORDNING_TEST_DATABASE=PostgreSql on the throwaway cluster build/postgres starts (SAMORDNING_TEST_POSTGRES names
// another server), and with SAMORDNING_TEST_DATABASE=SqlServer when SAMORDNING_TEST_SQLSERVER holds a connection
// string to a server the login may create databases on. Each host gets a database of its own, so tests never see
// each other's rows.
public static class TestDatabase
{
    public const string DefaultPostgresServer = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public static string Provider { get; } = Environment.GetEnvironmentVariable("SAMORDNING_TEST_DATABASE") switch
    {
        { } name when name.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) => "PostgreSql",
        { } name when name.Equals("SqlServer", StringComparison.OrdinalIgnoreCase) => "SqlServer",
        _ => "Sqlite",
    };

    public static bool OnServer => Provider != "Sqlite";

    public static string PostgresServer { get; } =
        Environment.GetEnvironmentVariable("SAMORDNING_TEST_POSTGRES") is { Length: > 0 } server ? server : DefaultPostgresServer;

    // A database on the suite's server named after the key (a data folder, so hosts that share a folder share a
    // database), created when missing. Returns its connection string.
    public static string CreateServerDatabase(string key) =>
        Provider == "SqlServer" ? CreateSqlServerDatabase(key) : CreatePostgresDatabase(key);

    public static void DropServerDatabase(string connectionString)
    {
        if (Provider == "SqlServer")
        {
            DropSqlServerDatabase(connectionString);
        }
        else
        {
            DropPostgresDatabase(connectionString);
        }
    }

    public static string CreatePostgresDatabase(string key)
    {
        var name = NameFor(key);
        using (var connection = new NpgsqlConnection(PostgresServer))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                try
                {
                    create.ExecuteNonQuery();
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another host of the same test made it first.
                }
            }
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // No ClearAllPools: it would close the idle connections of every other fixture running beside this one (and
        // hand them new backends mid-test). WITH (FORCE) ends this database's sessions; their pooled connections are
        // never asked for again.
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string SqlServer =>
        Environment.GetEnvironmentVariable("SAMORDNING_TEST_SQLSERVER") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("SAMORDNING_TEST_DATABASE=SqlServer needs SAMORDNING_TEST_SQLSERVER, a connection string.");

    private static string CreateSqlServerDatabase(string key)
    {
        var name = NameFor(key);
        using (var connection = new SqlConnection(SqlServer))
        {
            connection.Open();
            using var create = new SqlCommand(
                "IF DB_ID(@name) IS NULL BEGIN DECLARE @sql nvarchar(max) = N'CREATE DATABASE ' + QUOTENAME(@name); EXEC sp_executesql @sql; END",
                connection);
            create.Parameters.AddWithValue("@name", name);
            create.ExecuteNonQuery();
        }

        return new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = name }.ConnectionString;
    }

    private static void DropSqlServerDatabase(string connectionString)
    {
        var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        SqlConnection.ClearAllPools();
        using var connection = new SqlConnection(SqlServer);
        connection.Open();
        using var drop = new SqlCommand(
            """
            IF DB_ID(@name) IS NOT NULL
            BEGIN
                DECLARE @sql nvarchar(max) = N'ALTER DATABASE ' + QUOTENAME(@name) + N' SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ' + QUOTENAME(@name);
                EXEC sp_executesql @sql;
            END
            """,
            connection);
        drop.Parameters.AddWithValue("@name", name);
        drop.ExecuteNonQuery();
    }

    // Names are made here from a hash, never from outside text, so they are safe to put in the statements above.
    private static string NameFor(string key) =>
        "samordning_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..24];
}
