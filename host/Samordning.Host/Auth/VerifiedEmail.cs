using System.Security.Claims;

namespace Samordning.Host.Auth;

// A person is matched by e-mail only if the identity provider vouches for the address: email_verified true, or a
// provider the configuration trusts without it (Auth:TrustUnverifiedEmail, for Entra ID). Otherwise anyone who can
// set an unverified address at a provider could take over the registry person who has it.
internal static class VerifiedEmail
{
    public const string VerifiedClaim = "email_verified";

    public static string? Of(ClaimsPrincipal principal, bool trustWithoutClaim)
    {
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        // From an ID token the value is "true"; from UserInfo's JSON boolean through the claim action, "True".
        var verified = principal.FindFirstValue(VerifiedClaim);
        return verified is null
            ? trustWithoutClaim ? email : null
            : string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase) ? email : null;
    }
}
