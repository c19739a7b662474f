using System.Security.Claims;
using Samordning.Shared.Security;

namespace Samordning.Host.Auth;

// Another system that calls the API with its own client-credentials token. It is no registry person: it gets the
// role configured for its client id (Auth:SystemClients) and a name for the audit log, but no person id, so
// anything that needs a person (my notifications, facilitating a meeting) stays closed to it.
internal static class SystemClientIdentity
{
    public const string ClientClaim = "samordning:client";

    private const string AuthenticationType = "system-client";

    // Only an API token, never a sign-in, and one with no person behind it: RFC 9068 makes sub the client id for
    // client credentials; Entra ID marks an application token with idtyp=app.
    public static ClaimsIdentity? For(ClaimsPrincipal principal, AuthSettings settings)
    {
        if (!principal.Identities.Any(i => i.AuthenticationType == ApiTokens.AuthenticationType))
        {
            return null;
        }

        var clientId = principal.FindFirstValue("client_id") ?? principal.FindFirstValue("azp");
        var subject = principal.FindFirstValue("sub");
        var application = subject is null || subject == clientId || principal.FindFirstValue("idtyp") == "app";
        if (clientId is null || !application || !settings.SystemClients.TryGetValue(clientId, out var role))
        {
            return null;
        }

        var identity = new ClaimsIdentity(AuthenticationType, SamordningClaims.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClientClaim, clientId));
        identity.AddClaim(new Claim(SamordningClaims.Name, $"system:{clientId}"));
        identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return identity;
    }
}
