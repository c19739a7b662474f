using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Samordning.Ministries.Contracts;

namespace Samordning.Host.Auth;

// Who you are comes from the identity provider; what you may do comes from the people registry. Looks the
// person up by subject, else e-mail, and adds their registry id, ministry and roles. A person the registry does
// not know gets no registry claims, and every policy refuses them ("no access yet"). The directory (and the
// registry's DbContext behind it) is resolved only on a cache miss, not on every request.
internal sealed class RegistryClaimsTransformation(IServiceProvider services, IMemoryCache cache) : IClaimsTransformation
{
    private const string RegistryAuthenticationType = "registry";

    // Short, so a role change reaches a signed-in person within a minute without a lookup per request.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || principal.Identities.Any(i => i.AuthenticationType == RegistryAuthenticationType))
        {
            return principal;
        }

        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
        var key = $"registry:{subject}:{email}";
        var person = await cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return services.GetRequiredService<IMinistryDirectory>().FindSignedInPersonAsync(subject, email, CancellationToken.None);
        });

        if (person is null)
        {
            return principal;
        }

        var identity = RegistryIdentity.For(person, RegistryAuthenticationType);

        var transformed = principal.Clone();
        transformed.AddIdentity(identity);
        return transformed;
    }
}
