using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Text;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Workstreams;

/// <summary>Workstreams, sector initiatives and their progress, reporting rounds and the cross-sector dashboard.</summary>
public sealed class WorkstreamsModule : IModule
{
    /// <inheritdoc />
    public string Name => WorkstreamsDbContext.Store;

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation =>
    [
        new("/arbeidsstrommer", new LocalizedText("Arbeidsstrømmer", "Workstreams")),
        new("/arbeidsstrommer/tiltak", new LocalizedText("Tiltak", "Initiatives")),
        new("/arbeidsstrommer/rapporter", new LocalizedText("Statusrapporter", "Status reports"), Policies.Coordinator),
        new("/arbeidsstrommer/overlapp", new LocalizedText("Overlapp", "Overlaps"), IsFor: user => user.IsInRole(Roles.Coordinator)),
        new("/prosess/milepaeler", new LocalizedText("Milepæler", "Milestones"), Policies.Coordinator),
    ];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WorkstreamsDbContext, SqliteWorkstreamsDbContext, PostgresWorkstreamsDbContext>(configuration, WorkstreamsDbContext.Store);
        services.AddScoped<InitiativeServices>();
        services.AddScoped<Reports.ReportFigures>();
        services.AddScoped<Reports.StatusReports>();

        // One per node: the dashboard's kept aggregates, re-read when their version in the store moves.
        services.AddSingleton<DashboardSnapshot>();
        services.AddHostedService<DashboardWarmUp>();

        // One per node: the overlap index, built in the background at start and caught up from the database when
        // the module's version moves (issue 17).
        services.AddSingleton<OverlapFinder>();
        services.AddHostedService<OverlapIndexService>();
        services.AddScoped<OverlapList>();
        services.AddScoped<IOpenOverlaps>(provider => provider.GetRequiredService<OverlapList>());
    }
}
