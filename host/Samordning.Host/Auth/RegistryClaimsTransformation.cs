using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Samordning.Ministries.Contracts;

namespace Samordning.Host.Auth;

// Who you are comes from the identity provider; what you may do comes from the people registry. Looks the
// person up by subject, else by verified e-mail (VerifiedEmail), and adds their registry id, ministry and roles; the
// registry records the subject on the first match by e-mail. An API token of a registered system client gets that
// client's role instead (SystemClientIdentity). Anyone else gets no registry claims, and every policy refuses them
// ("no access yet"). The directory (and the registry's DbContext behind it) is resolved only on a cache miss.
internal sealed class RegistryClaimsTransformation(IServiceProvider services, IMemoryCache cache, IOptions<AuthSettings> settings) : IClaimsTransformation
{
    private const string RegistryAuthenticationType = "registry";

    // Short, so a role change reaches a signed-in person within a minute without a lookup per request.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || principal.Identities.Any(i => i.AuthenticationType is RegistryAuthenticationType)
            || principal.HasClaim(c => c.Type == SystemClientIdentity.ClientClaim))
        {
            return principal;
        }

        var identity = SystemClientIdentity.For(principal, settings.Value) ?? await RegistryPersonAsync(principal);
        if (identity is null)
        {
            return principal;
        }

        var transformed = principal.Clone();
        transformed.AddIdentity(identity);
        return transformed;
    }

    private async Task<ClaimsIdentity?> RegistryPersonAsync(ClaimsPrincipal principal)
    {
        var subject = Subject(principal);
        var email = VerifiedEmail.Of(principal, settings.Value.TrustUnverifiedEmail);
        var person = await cache.GetOrCreateAsync(KeyOf(principal, settings.Value), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return services.GetRequiredService<IMinistryDirectory>().FindSignedInPersonAsync(subject, email, CancellationToken.None);
        });

        return person is null ? null : RegistryIdentity.For(person, RegistryAuthenticationType);
    }

    // The signed-in person's cached registry entry is forgotten when they change it themselves (their language), so
    // the next request, in this browser or a new one, carries the change.
    public static void Forget(HttpContext http)
    {
        var settings = http.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value;
        http.RequestServices.GetRequiredService<IMemoryCache>().Remove(KeyOf(http.User, settings));
    }

    private static string KeyOf(ClaimsPrincipal principal, AuthSettings settings) =>
        $"registry:{Subject(principal)}:{VerifiedEmail.Of(principal, settings.TrustUnverifiedEmail)}";

    private static string? Subject(ClaimsPrincipal principal) => principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
}
