using Microsoft.EntityFrameworkCore;
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

        foreach (var database in services.GetServices<ModuleDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            await MigrateAsync(context, cancellationToken);
            logger.LogInformation("Database store {Store} is up to date.", database.Store);
        }
    }

    /// <summary>Migrates one context; on SQLite, switches the file to WAL first so readers never block the writer.</summary>
    public static async Task MigrateAsync(DbContext context, CancellationToken cancellationToken)
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

        await context.Database.MigrateAsync(cancellationToken);
    }
}
