using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Samordning.Host.Auth;

// Other systems call the API with an access token (a JWT) from the same authority, issued for Auth:ApiAudience.
// Who the caller is follows the sign-in's rules (RegistryClaimsTransformation): a registry person by subject or
// verified e-mail, or a system client listed in Auth:SystemClients.
internal static class ApiTokens
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    // The identity's authentication type, which tells an API token from a sign-in (only a token can be a system).
    public const string AuthenticationType = "api-token";

    public static bool Carries(HttpContext http, AuthSettings settings) =>
        settings.AcceptsApiTokens
        && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static AuthenticationBuilder AddApiTokens(this AuthenticationBuilder authentication, AuthSettings settings) =>
        authentication.AddJwtBearer(Scheme, options =>
        {
            // Issuer and signing keys from the authority's discovery document; audience and lifetime checked too.
            options.Authority = settings.Authority;
            options.Audience = settings.ApiAudience;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.AuthenticationType = AuthenticationType;
            options.TokenValidationParameters.ValidateIssuer = true;
            options.TokenValidationParameters.ValidateAudience = true;
            options.TokenValidationParameters.ValidateLifetime = true;

            // A minute's tolerance for clocks, not the default five: an expired token stops working promptly.
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        });
}
