using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Web;

internal static class HealthChecks
{
    public const string Ready = "ready";

    public static IServiceCollection AddSamordningHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoresHealthCheck>("stores", tags: [Ready]);
        return services;
    }

    // Live: the process answers. Ready: every module store can take a write too. Both are open, like a load balancer
    // needs, and say only "Healthy" or not. /health is live under the name probes try first (unmapped, it fell to
    // the sign-in redirect every other unknown address gets).
    public static void MapSamordningHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }

    // A store that answers reads but cannot take a write (a SQLite file another process holds, a SQL Server table
    // locked or read-only) fails every change people make, so readiness asks each store to begin a write: SQLite
    // takes its write lock (BEGIN IMMEDIATE) and lets it go; a server starts a transaction, runs an update that
    // touches no row, and rolls back. Each within a short timeout, so a busy store reports, not hangs.
    private sealed class StoresHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
    {
        private const int TimeoutSeconds = 2;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var scope = scopes.CreateAsyncScope();
            var failed = new List<string>();
            foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                if (!await CanBeginWriteAsync(db, database.Store, cancellationToken))
                {
                    failed.Add(database.Store);
                }
            }

            return failed.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Stores that cannot take a write: {string.Join(", ", failed)}");
        }

        private static async Task<bool> CanBeginWriteAsync(DbContext db, string store, CancellationToken cancellationToken)
        {
            try
            {
                return db.Database.IsSqlite()
                    ? await SqliteCanBeginWriteAsync(db.Database.GetConnectionString()!, cancellationToken)
                    : await ServerCanBeginWriteAsync(db, store, cancellationToken);
            }
            catch (DbException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                // A connection that could not be opened (pool exhausted, server away).
                return false;
            }
        }

        private static async Task<bool> SqliteCanBeginWriteAsync(string connectionString, CancellationToken cancellationToken)
        {
            // Its own connection with a short timeout, not the store's pool with the long busy timeout.
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = TimeoutSeconds }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }

        private static async Task<bool> ServerCanBeginWriteAsync(DbContext db, string store, CancellationToken cancellationToken)
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return false;
            }

            var previous = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(TimeoutSeconds);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
                var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
                var history = sql.DelimitIdentifier("__EFMigrationsHistory", store);
                // Quoted: PostgreSQL folds an unquoted name to lower case.
                var column = sql.DelimitIdentifier("ProductVersion");
                var touchNothing = $"UPDATE {history} SET {column} = {column} WHERE 1 = 0"; // identifiers only
                await db.Database.ExecuteSqlRawAsync(touchNothing, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                return true;
            }
            finally
            {
                db.Database.SetCommandTimeout(previous);
            }
        }
    }
}
