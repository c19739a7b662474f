using Samordning.Shared.Observability;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Outbox;

internal static class OutboxSetup
{
    public static IServiceCollection AddSamordningOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = OutboxSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<IOutbox, ModuleOutbox>();
        services.AddSingleton<IBacklogProbe, OutboxBacklog>();
        if (settings.RunWorker)
        {
            services.AddHostedService<OutboxWorker>();
        }

        return services;
    }
}
