using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samordning.Shared.Modules;

/// <summary>
/// The one public entry point of a module. The host finds it by project reference and calls
/// <see cref="Register"/>; everything else in the module is found by the host's Scrutor scan.
/// </summary>
public interface IModule
{
    /// <summary>Short lower-case name, used for the database file, the schema and <c>Modules:&lt;Module&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Registers what conventions cannot: the module's DbContext, options and oddities.</summary>
    void Register(IServiceCollection services, IConfiguration configuration);

    /// <summary>Links the module adds to the main navigation, in order.</summary>
    IEnumerable<NavigationLink> Navigation { get; }
}

/// <summary>A link in the main navigation.</summary>
/// <param name="Href">Absolute path of the page.</param>
/// <param name="Text">Bokmål and English text.</param>
/// <param name="Policy">Authorization policy a person must satisfy to see the link, or null for everyone signed in.</param>
/// <param name="IsFor">
/// The module's own check, for a page whose access is decided in the module rather than by a policy (the same check
/// the page makes), or null. A link shows only to people who may open it.
/// </param>
public sealed record NavigationLink(
    string Href, Text.LocalizedText Text, string? Policy = null, Func<System.Security.Claims.ClaimsPrincipal, bool>? IsFor = null);
