using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordning.Shared.Observability;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Shared.Persistence;

/// <summary>Registers a module's DbContext on the configured provider: the one place that decides it.</summary>
public static class ModuleDatabaseRegistration
{
    private const QuerySplittingBehavior Splitting = QuerySplittingBehavior.SingleQuery;

    /// <summary>
    /// Registers <typeparamref name="TContext"/> (the model and the SQL Server migrations) or, on SQLite and
    /// PostgreSQL, its thin subclass <typeparamref name="TSqliteContext"/> or <typeparamref name="TPostgresContext"/>
    /// that carries that provider's migrations. Other code always resolves <typeparamref name="TContext"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Configuration holding the <c>Database</c> section.</param>
    /// <param name="store">The module's store name: the SQLite file name and the server schema.</param>
    public static IServiceCollection AddModuleDbContext<TContext, TSqliteContext, TPostgresContext>(
        this IServiceCollection services, IConfiguration configuration, string store)
        where TContext : ModuleDbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        var settings = DatabaseSettings.From(configuration);
        services.TryAddSingleton(sp => new AuditingInterceptor(sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new PublicContentVersions(
            sp.GetService<ISharedPublicContentVersion>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<PublicContentVersions>>()));
        services.TryAddSingleton<PublicContentInterceptor>();
        services.AddSingleton(new ModuleDatabase(typeof(TContext), store));
        services.AddSamordningMetrics();
        services.TryAddSingleton<SqliteWriters>();

        // Queries that include several collections run as one SQL statement unless they say otherwise: one round
        // trip and one consistent read, which is right for this app's small graphs. The few queries that load wide
        // graphs (a meeting with its people and agenda, an input item with its answers) choose AsSplitQuery
        // themselves. Choosing here is also what keeps EF's MultipleCollectionIncludeWarning out of the log.
        // Pooled: the options, the provider's service lookup and the context itself are reused across requests
        // instead of being built per request. The person a save is audited as is the one of the scope that
        // rented the context, set on each rent.
        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            services.AddPooledDbContextFactory<TContext>((sp, options) => options
                .UseSqlServer(settings.ConnectionString, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", store).UseQuerySplittingBehavior(Splitting))
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<PublicContentInterceptor>(), Telemetry(sp, store)));
            services.AddScoped(sp => Rent<TContext, TContext>(sp, sqliteWriter: null));
        }
        else if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddPooledDbContextFactory<TPostgresContext>((sp, options) => options
                .UseNpgsql(settings.PostgresConnectionString(), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", store).UseQuerySplittingBehavior(Splitting))
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<PublicContentInterceptor>(), Telemetry(sp, store)));
            services.AddScoped(sp => Rent<TContext, TPostgresContext>(sp, sqliteWriter: null));
        }
        else
        {
            var connectionString = settings.SqliteConnectionString(store);
            services.AddPooledDbContextFactory<TSqliteContext>((sp, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(Splitting))
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<PublicContentInterceptor>(), SqlitePragmas.Instance, Telemetry(sp, store)));
            services.AddScoped(sp => Rent<TContext, TSqliteContext>(
                sp, settings.QueueSqliteWrites ? sp.GetRequiredService<SqliteWriters>().For(connectionString) : null));
        }

        return services;
    }

    private static DatabaseCommandTelemetry Telemetry(IServiceProvider services, string store) =>
        new(store, services.GetRequiredService<SamordningMetrics>());

    // The scope disposes the context, which returns it to the pool.
    private static TContext Rent<TContext, TPooled>(IServiceProvider services, SqliteGroupWriter? sqliteWriter)
        where TContext : ModuleDbContext
        where TPooled : TContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TPooled>>().CreateDbContext();
        context.AuditedUser = services.GetService<ICurrentUser>();
        context.SqliteWriter = sqliteWriter;
        context.ResetOutbox();
        return context;
    }
}

/// <summary>A module store the host migrates and checks for readiness.</summary>
/// <param name="ContextType">The DbContext type other code resolves.</param>
/// <param name="Store">The SQLite file name and SQL Server schema.</param>
public sealed record ModuleDatabase(Type ContextType, string Store);
