using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Samordning.Host.DevIdentity;
using Samordning.Host.Web;
using Samordning.Shared.Security;

namespace Samordning.Host.Auth;

internal static class AuthenticationSetup
{
    // Sign-in is OpenID Connect (code + PKCE) with a cookie session; what a person may do comes from the registry.
    public static IServiceCollection AddSamordningAuthentication(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var settings = AuthSettings.From(configuration);
        if (settings.UsesDevelopmentIdentityProvider)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Auth:Authority is not set, and the bundled development identity provider refuses to run in Production. " +
                    "Point Auth:Authority at the organisation's identity provider (see README).");
            }

            services.AddDevelopmentIdentityProvider(configuration);
        }

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "samordning";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/ingen-tilgang";
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    if (RequestKinds.IsApi(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(options =>
            {
                options.ClientId = settings.ClientId;
                options.ClientSecret = string.IsNullOrWhiteSpace(settings.ClientSecret) ? null : settings.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;

                // Query rather than form_post, with Lax cookies: works on plain http on localhost and across sites.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SaveTokens = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Scope.Add("email");
                options.SignedOutRedirectUri = "/";
                if (!settings.UsesDevelopmentIdentityProvider)
                {
                    options.Authority = settings.Authority;
                }

                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    // An API call or a hub without a session gets 401, not a redirect it cannot follow.
                    if (RequestKinds.IsApi(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                    }

                    return Task.CompletedTask;
                };
            });

        if (settings.UsesDevelopmentIdentityProvider)
        {
            // The authority is this host itself, at the address it listens on, known only once the server runs.
            services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                .Configure<IServer>((options, server) =>
                {
                    options.Authority = DevelopmentIdentityProvider.Authority(configuration, server);
                    options.RequireHttpsMetadata = false;
                });
        }

        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, RegistryClaimsTransformation>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.RegisteredPerson, RegisteredPerson().Build())
            .AddPolicy(Policies.ManageRegistry, RegisteredPerson().RequireRole(Roles.Administrator, Roles.Coordinator).Build())
            .AddPolicy(Policies.Administrator, RegisteredPerson().RequireRole(Roles.Administrator).Build())
            .AddPolicy(Policies.Coordinator, RegisteredPerson().RequireRole(Roles.Coordinator).Build())
            .SetDefaultPolicy(RegisteredPerson().Build())
            .SetFallbackPolicy(RegisteredPerson().Build());

        return services;
    }

    private static AuthorizationPolicyBuilder RegisteredPerson() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(SamordningClaims.PersonId);
}
