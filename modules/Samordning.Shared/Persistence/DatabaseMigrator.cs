using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samordning.Shared.Persistence;

/// <summary>Applies every module's migrations at start-up: the one shared helper the design names.</summary>
public static class DatabaseMigrator
{
    /// <summary>Migrates every registered module store (and any extra context the host passes).</summary>
    public static async Task MigrateAllAsync(IServiceProvider services, DatabaseSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(settings.DataFolder));
        }

        var databases = services.GetServices<ModuleDatabase>().ToList();
        if (databases.Count == 0)
        {
            return;
        }

        // The first store alone: it pays for EF Core's own start (its services, the first model). On SQLite every
        // store is a file of its own, so the rest are then checked side by side on the other core (docs/benchmarks.md,
        // Start-up). A server database keeps them one after the other: there the stores share one database, and two
        // first migrations at once could race to create what they share (the database, an extension).
        await MigrateStoreAsync(services, databases[0], logger, cancellationToken);
        var rest = databases.Skip(1);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await Task.WhenAll(rest.Select(database => Task.Run(() => MigrateStoreAsync(services, database, logger, cancellationToken), cancellationToken)));
            return;
        }

        foreach (var database in rest)
        {
            await MigrateStoreAsync(services, database, logger, cancellationToken);
        }
    }

    private static async Task MigrateStoreAsync(IServiceProvider services, ModuleDatabase database, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        // One line per store, what an operator wants to see after an upgrade: what was applied, where it stands,
        // and how long the check took (a start-up's biggest step).
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var pending = await MigrateAsync(context, cancellationToken);
        var milliseconds = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var current = context.Database.GetMigrations().LastOrDefault() ?? "(none)";
        if (pending == 0)
        {
            logger.LogInformation("Database store {Store}: up to date at {Migration} ({Milliseconds} ms).", database.Store, current, milliseconds);
        }
        else
        {
            logger.LogInformation("Database store {Store}: applied {Count} migration(s), now at {Migration} ({Milliseconds} ms).", database.Store, pending, current, milliseconds);
        }
    }

    /// <summary>Migrates one context; on SQLite, switches the file to WAL first so readers never block the writer.</summary>
    /// <returns>How many migrations were applied.</returns>
    public static async Task<int> MigrateAsync(DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Database.IsSqlite())
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                // journal_mode is stored in the file, so once is enough; it is a no-op when already WAL.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }

        if (context.Database.IsNpgsql())
        {
            return await MigrateOnPostgreSqlAsync(context, cancellationToken);
        }

        // Nothing pending is the common start: one read of the history table. MigrateAsync would read it again
        // after taking the migration lock and comparing the model with the last snapshot, which costs a start on
        // existing data most of a store's time (docs/benchmarks.md, Start-up).
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        if (context.Database.IsSqlite())
        {
            await SqliteInstants.NormaliseOnceAsync(context, cancellationToken);
        }

        return pending;
    }

    // Nodes starting together migrate one at a time per store (a session advisory lock keyed by the database and
    // schema), and the schema and history table exist before EF Core looks: it would otherwise log a failed query
    // against the missing table as an error on every first start, and two nodes could race to create the schema.
    // The lock has a connection of its own, never pooled: Npgsql reopens the context's connection while migrating,
    // and a pooled session would go back to the pool still holding the lock. Closing it releases the lock.
    private static async Task<int> MigrateOnPostgreSqlAsync(DbContext context, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString()) { Pooling = false };
        var key = StableKey(connectionString.Database + "/" + context.Model.GetDefaultSchema());
        await using var lockConnection = new NpgsqlConnection(connectionString.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", key);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }

    // string.GetHashCode differs per process; the lock key must be the same on every node.
    private static long StableKey(string text) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0);
}
