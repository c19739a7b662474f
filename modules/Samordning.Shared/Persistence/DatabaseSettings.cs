using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Samordning.Shared.Persistence;

/// <summary>The database provider a deployment uses.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one SQLite file per module under the data folder.</summary>
    Sqlite,

    /// <summary>Production for the ministries' estate: one database, one schema per module.</summary>
    SqlServer,

    /// <summary>The second server profile (and the one CI runs): one database, one schema per module.</summary>
    PostgreSql,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseSettings
{
    /// <summary><c>Sqlite</c> (default), <c>SqlServer</c> or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite files. Relative paths are resolved against the current directory.</summary>
    public string DataFolder { get; init; } = "data";

    /// <summary>The server's connection string (required with <see cref="DatabaseProvider.SqlServer"/> and <see cref="DatabaseProvider.PostgreSql"/>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Apply migrations at start-up; turn off in production, where the idempotent script is used.</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>
    /// On SQLite, let this node's saves to one file take turns in an in-process queue (default) instead of meeting in
    /// SQLite's busy handler. Off only to measure the difference.
    /// </summary>
    public bool QueueSqliteWrites { get; init; } = true;

    /// <summary>True for a database server (one database, a schema per module), false for the SQLite files.</summary>
    public bool IsServer => Provider is DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql;

    /// <summary>
    /// How long a SQLite command waits for a file another writer holds before it fails as busy (answered 503 with
    /// Retry-After), in seconds.
    /// </summary>
    public int SqliteBusyTimeoutSeconds { get; init; } = 30;

    /// <summary>Reads the <c>Database</c> section.</summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
        if (settings.IsServer && string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException($"Database:Provider is {settings.Provider} but Database:ConnectionString is empty.");
        }

        return settings;
    }

    /// <summary>
    /// The PostgreSQL connection string the stores use: the configured one, with statements prepared automatically
    /// unless it says otherwise. EF Core sends the same few statements again and again (a note's four inserts, a
    /// page's query), and unprepared each is parsed and planned on every call: the server's CPU per note written was
    /// about three times the hand-written floor's, which prepares its commands (docs/benchmarks.md). Npgsql keeps
    /// the prepared statements per physical connection. An operator behind a transaction-mode pooler that cannot hold prepared statements sets
    /// <c>Max Auto Prepare=0</c>, which is kept.
    /// </summary>
    public string PostgresConnectionString()
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows, so what was written is read generically.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!written.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        // The stores set no session state (no SET, LISTEN, temporary tables or session locks; the migrator's lock
        // has its own unpooled connection), so the reset a pooled connection gets on its return (seven statements)
        // has nothing to undo; an open transaction is still rolled back.
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The SQLite connection string of one store (a module, or the host's own).</summary>
    public string SqliteConnectionString(string store) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(Path.GetFullPath(DataFolder), $"{store}.db"),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Microsoft.Data.Sqlite retries a busy database until this timeout, and SqlitePragmas gives SQLite's
        // own busy handler the same: the one busy timeout, in seconds.
        DefaultTimeout = SqliteBusyTimeoutSeconds,
    }.ToString();
}
