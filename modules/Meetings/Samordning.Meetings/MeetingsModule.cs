using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samordning.Meetings;

/// <summary>Meetings: participants, agenda, live notes, action items, minutes.</summary>
public sealed class MeetingsModule : IModule
{
    /// <inheritdoc />
    public string Name => "meetings";

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation => [];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
    }
}
