using System.Diagnostics;
using Samordning.Shared.Modules;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Modules;

internal static partial class ModuleStartup
{
    // Before the host takes requests: migrate every store (unless turned off), then run module initializers. Each
    // step logs how long it took, so a slow start says where its time went (docs/benchmarks.md, Start-up).
    public static async Task InitializeModulesAsync(this WebApplication app)
    {
        var settings = DatabaseSettings.From(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupCost.Category);
        var started = Stopwatch.GetTimestamp();
        StartupCost.Log(logger, "host built");
        app.Lifetime.ApplicationStarted.Register(() => StartupCost.Log(logger, "listening"));
        if (settings.MigrateOnStartup)
        {
            await DatabaseMigrator.MigrateAllAsync(app.Services, settings, logger, app.Lifetime.ApplicationStopping);
            LogStep(logger, "migrations", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // In the catalog's dependency order: the registry seeds before modules whose demo data refers to it.
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var order = catalog.Modules.Select(m => m.GetType().Assembly).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var initializers = scope.ServiceProvider.GetServices<IModuleInitializer>()
            .OrderBy(i => order.IndexOf(i.GetType().Assembly) is var index and >= 0 ? index : int.MaxValue);
        foreach (var initializer in initializers)
        {
            var step = Stopwatch.GetTimestamp();
            await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
            LogStep(logger, initializer.GetType().Name, Stopwatch.GetElapsedTime(step).TotalMilliseconds);
        }

        LogStep(logger, "modules initialised", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        StartupCost.Log(logger, "modules initialised");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up: {Step} took {Milliseconds:0} ms")]
    private static partial void LogStep(ILogger logger, string step, double milliseconds);
}
