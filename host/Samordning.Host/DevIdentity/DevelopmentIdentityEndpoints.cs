using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samordning.Host.DevIdentity;

internal static class DevelopmentIdentityEndpoints
{
    public static void MapDevelopmentIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        // The authorization endpoint: ask the person to sign in at the identity provider, then issue a code.
        app.MapMethods("/connect/authorize", ["GET", "POST"], async (HttpContext http, IOptions<DevelopmentIdentityOptions> options) =>
        {
            var request = http.GetOpenIddictServerRequest()
                ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

            var session = await http.AuthenticateAsync(DevelopmentIdentityProvider.CookieScheme);
            if (!session.Succeeded)
            {
                return Results.Challenge(
                    new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                    [DevelopmentIdentityProvider.CookieScheme]);
            }

            var account = options.Value.Accounts.FirstOrDefault(a => a.Subject == session.Principal!.FindFirstValue(Claims.Subject));
            if (account is null)
            {
                return Results.Challenge(properties: null, [DevelopmentIdentityProvider.CookieScheme]);
            }

            var identity = new ClaimsIdentity(
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, account.Subject)
                .SetClaim(Claims.Name, account.Name)
                .SetClaim(Claims.Email, account.Email)

                // The demo accounts' addresses are the provider's own, so it vouches for them (VerifiedEmail).
                .SetClaim(Claims.EmailVerified, true);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(claim => claim.Type switch
            {
                Claims.Name when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
                Claims.Email or Claims.EmailVerified when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
                _ => [Destinations.AccessToken],
            });

            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }).AllowAnonymous().ExcludeFromDescription();

        // The end-session endpoint: end the identity provider's session, then return to the client.
        app.MapMethods("/connect/logout", ["GET", "POST"], async (HttpContext http) =>
        {
            await http.SignOutAsync(DevelopmentIdentityProvider.CookieScheme);
            return Results.SignOut(
                new AuthenticationProperties { RedirectUri = "/" },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
