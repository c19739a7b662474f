using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams;

/// <summary>Workstreams, sector initiatives and their progress, reporting rounds and the cross-sector dashboard.</summary>
public sealed class WorkstreamsModule : IModule
{
    /// <inheritdoc />
    public string Name => WorkstreamsDbContext.Store;

    /// <inheritdoc />
    // API only for now: its pages, and with them its navigation, come with the dashboard.
    public IEnumerable<NavigationLink> Navigation => [];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WorkstreamsDbContext, SqliteWorkstreamsDbContext>(configuration, WorkstreamsDbContext.Store);
        services.AddScoped<InitiativeServices>();
    }
}
