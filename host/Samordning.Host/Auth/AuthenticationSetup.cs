using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Samordning.Host.DevIdentity;
using Samordning.Host.Web;
using Samordning.Shared.Security;

namespace Samordning.Host.Auth;

internal static class AuthenticationSetup
{
    // The default scheme: an API token when the request carries one, else the cookie session.
    public const string SessionOrToken = "SessionOrToken";

    // The default challenge: an API token's caller gets the bearer's 401, an API call without one the cookie's 401
    // (no round trip to the identity provider for a redirect it cannot follow), a page the OpenID Connect redirect.
    public const string ChallengeScheme = "SignInOrToken";

    // Sign-in is OpenID Connect (code + PKCE) with a cookie session; what a person may do comes from the registry.
    public static IServiceCollection AddSamordningAuthentication(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthSettings>>(new AuthSettingsValidation(environment));
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
        else
        {
            services.AddIdentityProviderHealthCheck(settings);
        }

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = SessionOrToken;
                options.DefaultChallengeScheme = ChallengeScheme;
            })
            .AddPolicyScheme(SessionOrToken, null, options => options.ForwardDefaultSelector = http =>
                ApiTokens.Carries(http, settings) ? ApiTokens.Scheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddPolicyScheme(ChallengeScheme, null, options => options.ForwardDefaultSelector = http =>
                ApiTokens.Carries(http, settings) ? ApiTokens.Scheme
                : RequestKinds.IsApi(http.Request) ? CookieAuthenticationDefaults.AuthenticationScheme
                : OpenIdConnectDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "samordning";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/ingen-tilgang";
                options.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);

                // Reached only by API and hub calls without a session (pages challenge through OpenID Connect).
                options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            })
            .AddOpenIdConnect(options => ConfigureOpenIdConnect(options, settings));
        services.AddGuestSessions();
        if (settings.AcceptsApiTokens)
        {
            authentication.AddApiTokens(settings);
        }

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

        // After the handler's own post-configuration, which creates the configuration manager this wraps.
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            if (options.ConfigurationManager is { } manager and not ReachableConfigurationManager)
            {
                options.ConfigurationManager = new ReachableConfigurationManager(manager, options.Authority ?? options.MetadataAddress ?? "");
            }
        });

        services.AddHostedService<IdentityProviderWarmUp>();
        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, RegistryClaimsTransformation>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.RegisteredPerson, RegisteredPersonOrAdmittedGuest().Build())
            .AddPolicy(Policies.ManageRegistry, RegisteredPerson().RequireRole(Roles.Administrator, Roles.Coordinator).Build())
            .AddPolicy(Policies.Administrator, RegisteredPerson().RequireRole(Roles.Administrator).Build())
            .AddPolicy(Policies.Coordinator, RegisteredPerson().RequireRole(Roles.Coordinator).Build())
            .SetDefaultPolicy(RegisteredPersonOrAdmittedGuest().Build())
            .SetFallbackPolicy(RegisteredPersonOrAdmittedGuest().Build());

        return services;
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options, AuthSettings settings)
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

        // The ID token is kept for sign-out's id_token_hint, without which a provider may keep the person on its
        // own page instead of returning them to the app.
        options.SaveTokens = true;

        // A conforming provider may put e-mail only in UserInfo (claims requested by scope, with a code flow); the
        // ID token's claims come first, UserInfo fills in what is missing.
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapUniqueJsonKey(VerifiedEmail.VerifiedClaim, VerifiedEmail.VerifiedClaim);
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
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        }

        // Some providers (oidc-provider among them) honour post_logout_redirect_uri only with the client named.
        options.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            context.ProtocolMessage.ClientId = context.Options.ClientId;
            return Task.CompletedTask;
        };
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (RequestKinds.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddIdentityProviderHealthCheck(this IServiceCollection services, AuthSettings settings)
    {
        services.AddHttpClient(IdentityProviderHealthCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(3));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new IdentityProviderHealthCheck(
            sp.GetRequiredService<IHttpClientFactory>(), settings, sp.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<IdentityProviderHealthCheck>("identity-provider", tags: [HealthChecks.Ready]);
    }

    // A registry person, or another system with a registered client id (Auth:SystemClients).
    private static AuthorizationPolicyBuilder RegisteredPerson() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(context =>
            IsRegistered(context));

    // The default: a registered person, or a guest where the endpoint, page or hub admits guests (GuestSessions).
    // The named role policies stay with registered people only.
    private static AuthorizationPolicyBuilder RegisteredPersonOrAdmittedGuest() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(context =>
            IsRegistered(context) || GuestSessions.AdmitsGuests(context));

    private static bool IsRegistered(AuthorizationHandlerContext context) =>
        context.User.HasClaim(c => c.Type is SamordningClaims.PersonId or SystemClientIdentity.ClientClaim);
}
