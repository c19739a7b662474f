using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samordning.Notifications;

/// <summary>Notifications: the deadline reminder sweep, the reminder log, in-app notifications and mail.</summary>
public sealed class NotificationsModule : IModule
{
    /// <inheritdoc />
    public string Name => "notifications";

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation => [];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
    }
}
