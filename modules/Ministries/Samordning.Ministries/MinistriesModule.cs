using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Ministries.Data;
using Samordning.Ministries.Seed;
using Samordning.Shared.Text;

namespace Samordning.Ministries;

/// <summary>The registry of ministries, agencies and people, and who has which role.</summary>
public sealed class MinistriesModule : IModule
{
    /// <inheritdoc />
    public string Name => MinistriesDbContext.Store;

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation =>
    [
        new("/departementer", new LocalizedText("Departementer", "Ministries")),
        new("/departementer/personer", new LocalizedText("Personer", "People")),
    ];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MinistriesDbContext, SqliteMinistriesDbContext, PostgresMinistriesDbContext>(configuration, MinistriesDbContext.Store);
        services.Configure<MinistriesOptions>(configuration.GetSection(MinistriesOptions.Section));
    }
}
