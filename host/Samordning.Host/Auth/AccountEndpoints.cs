using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Samordning.Shared.Security;

namespace Samordning.Host.Auth;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Signs in through the identity provider and returns to a local page.
        app.MapGet("/konto/start", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous()
            .ExcludeFromDescription();

        // Sign-out is a POST with anti-forgery (the form in the layout), so no page can sign a person out.
        // A guest leaves their own session only (they have none at the identity provider).
        app.MapPost("/konto/logg-ut", (ClaimsPrincipal user) =>
                Results.SignOut(
                    new AuthenticationProperties { RedirectUri = "/" },
                    user.IsGuest() ? [GuestClaims.Scheme] : [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser())
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
    }

    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
