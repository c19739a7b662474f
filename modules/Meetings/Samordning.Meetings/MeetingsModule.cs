using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;

namespace Samordning.Meetings;

/// <summary>Meetings: participants, agenda, live notes, action items, minutes.</summary>
public sealed class MeetingsModule : IModule
{
    /// <inheritdoc />
    public string Name => MeetingsDbContext.Store;

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation =>
    [
        new("/moter", new LocalizedText("Møter", "Meetings")),
        new("/moter/dialoger", new LocalizedText("Leverandørdialog", "Supplier dialogue"), Policies.Coordinator),
    ];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MeetingsDbContext, SqliteMeetingsDbContext, PostgresMeetingsDbContext>(configuration, MeetingsDbContext.Store);
        services.AddScoped<MeetingServices>();
    }
}
