using Samordning.Shared.Modules;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Modules;

internal static class ModuleStartup
{
    // Before the host takes requests: migrate every store (unless turned off), then run module initializers.
    public static async Task InitializeModulesAsync(this WebApplication app)
    {
        var settings = DatabaseSettings.From(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Samordning.Startup");
        if (settings.MigrateOnStartup)
        {
            await DatabaseMigrator.MigrateAllAsync(app.Services, settings, logger, app.Lifetime.ApplicationStopping);
        }

        // In the catalog's dependency order: the registry seeds before modules whose demo data refers to it.
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var order = catalog.Modules.Select(m => m.GetType().Assembly).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var initializers = scope.ServiceProvider.GetServices<IModuleInitializer>()
            .OrderBy(i => order.IndexOf(i.GetType().Assembly) is var index and >= 0 ? index : int.MaxValue);
        foreach (var initializer in initializers)
        {
            await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
