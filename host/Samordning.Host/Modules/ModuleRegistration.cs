using Samordning.Shared.Deadlines;
using Samordning.Shared.Events;
using Samordning.Shared.Jobs;
using Samordning.Shared.Live;
using Samordning.Shared.Modules;
using Samordning.Shared.Overview;
using Samordning.Shared.Search;

namespace Samordning.Host.Modules;

internal static class ModuleRegistration
{
    // Each module registers what conventions cannot; one Scrutor scan registers the rest.
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration, ModuleCatalog catalog)
    {
        services.AddSingleton(catalog);
        foreach (var module in catalog.Modules)
        {
            module.Register(services, configuration);
        }

        var contracts = catalog.Assemblies
            .Where(a => a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal))
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsInterface)
            .ToHashSet();

        services.Scan(scan => scan
            .FromAssemblies(catalog.Assemblies)
            .AddClasses(c => c.AssignableTo<IEndpoint>(), publicOnly: false).As<IEndpoint>().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IEventHandler<>)), publicOnly: false).AsImplementedInterfaces(i => i.IsGenericType).WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<IRecurringJob>(), publicOnly: false).As<IRecurringJob>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<IDeadlineSource>(), publicOnly: false).As<IDeadlineSource>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<ISearchSource>(), publicOnly: false).As<ISearchSource>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<ILiveTopicPolicy>(), publicOnly: false).As<ILiveTopicPolicy>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<IModuleInitializer>(), publicOnly: false).As<IModuleInitializer>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<IHeaderBadgeProvider>(), publicOnly: false).As<IHeaderBadgeProvider>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<Shared.Links.ILinkedItemsSource>(), publicOnly: false).As<Shared.Links.ILinkedItemsSource>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<Shared.Security.IGuestSessionCheck>(), publicOnly: false).As<Shared.Security.IGuestSessionCheck>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<Shared.Security.IGuestLinkRedeemer>(), publicOnly: false).As<Shared.Security.IGuestLinkRedeemer>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<IOverviewSource>(), publicOnly: false).As<IOverviewSource>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<Shared.Process.IProcessSource>(), publicOnly: false).As<Shared.Process.IProcessSource>().WithScopedLifetime()
            .AddClasses(c => c.Where(t => t.GetInterfaces().Any(contracts.Contains)), publicOnly: false)
                .As(t => t.GetInterfaces().Where(contracts.Contains)).WithScopedLifetime());

        return services;
    }

    public static IEndpointRouteBuilder MapModuleEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<Web.BrowserErrorPages>();
        foreach (var endpoint in app.ServiceProvider.GetServices<IEndpoint>())
        {
            endpoint.MapEndpoint(api);
        }

        return app;
    }
}
