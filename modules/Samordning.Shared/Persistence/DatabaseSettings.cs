using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

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

    /// <summary>The SQLite connection string of one store (a module, or the host's own).</summary>
    public string SqliteConnectionString(string store) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(Path.GetFullPath(DataFolder), $"{store}.db"),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Microsoft.Data.Sqlite retries a busy database until this timeout, and SqliteBusyTimeout gives SQLite's
        // own busy handler the same: the one busy timeout, in seconds.
        DefaultTimeout = SqliteBusyTimeoutSeconds,
    }.ToString();
}
