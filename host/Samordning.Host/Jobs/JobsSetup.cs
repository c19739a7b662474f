using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage;
using Samordning.Shared.Jobs;
using Samordning.Shared.Persistence;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Host.Jobs;

internal static class JobsSetup
{
    // Jobs:Storage = InMemory (the embedded default), SqlServer or PostgreSql (server profiles; shared by every node,
    // in schema "jobs" of the Database:ConnectionString database).
    // Jobs:RunServer = false lets a node serve requests without processing jobs (and tests run hosts side by side).
    public static IServiceCollection AddSamordningJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration["Jobs:Storage"] ?? "InMemory";
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (string.Equals(storage, "SqlServer", StringComparison.OrdinalIgnoreCase))
            {
                config.UseSqlServerStorage(
                    DatabaseSettings.From(configuration).ConnectionString,
                    new SqlServerStorageOptions { SchemaName = "jobs", PrepareSchemaIfNecessary = true });
            }
            else if (string.Equals(storage, "PostgreSql", StringComparison.OrdinalIgnoreCase))
            {
                config.UsePostgreSqlStorage(
                    postgres => postgres.UseNpgsqlConnection(DatabaseSettings.From(configuration).ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "jobs", PrepareSchemaIfNecessary = true });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(1) });
            }
        });

        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        }

        return services;
    }

    public static void MapSamordningJobs(this WebApplication app)
    {
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        using (var scope = app.Services.CreateScope())
        {
            foreach (var job in scope.ServiceProvider.GetServices<IRecurringJob>())
            {
                var id = job.Id;
                manager.AddOrUpdate<RecurringJobRunner>(
                    id, runner => runner.RunAsync(id, CancellationToken.None), job.Cron, new RecurringJobOptions { TimeZone = Oslo.TimeZone });
            }
        }

        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            DashboardTitle = "Samordning – jobber",
            Authorization = [new AdministratorsOnly()],
            AppPath = "/",
        }).RequireAuthorization(Policies.Administrator);
    }

    // The endpoint policy already demands an administrator; this is the dashboard's own second check.
    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}

// Runs a module's recurring job in its own scope, under a lock of its own (named after the job's id) in the job
// storage, which every node shares: the sweep, mail delivery and anonymisation never wait on one another, while a
// run that finds its own job still running on any node skips, since that run is doing the same work. Hangfire
// retries a failure with back-off.
internal sealed partial class RecurringJobRunner(IServiceScopeFactory scopes, JobStorage storage, ILogger<RecurringJobRunner> logger)
{
    // How long a run waits for its job's lock before it skips: long enough for a run that is just finishing.
    internal static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        IDisposable held;
        try
        {
            held = connection.AcquireDistributedLock(LockName(jobId), LockWait);
        }
        catch (DistributedLockTimeoutException)
        {
            LogSkipped(logger, jobId);
            return;
        }

        using (held)
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IRecurringJob>().SingleOrDefault(j => j.Id == jobId)
                ?? throw new InvalidOperationException($"No recurring job has the id {jobId}.");
            await job.RunAsync(cancellationToken);
        }
    }

    internal static string LockName(string jobId) => $"samordning:recurring-job:{jobId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {JobId} skipped: a run of it still holds its lock.")]
    private static partial void LogSkipped(ILogger logger, string jobId);
}
