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

        await using var scope = app.Services.CreateAsyncScope();
        foreach (var initializer in scope.ServiceProvider.GetServices<IModuleInitializer>())
        {
            await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
