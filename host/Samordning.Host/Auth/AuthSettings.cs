namespace Samordning.Host.Auth;

// The Auth section. With no Authority, the bundled development identity provider is the authority.
internal sealed class AuthSettings
{
    public const string Section = "Auth";

    // The organisation's identity provider, for example https://login.microsoftonline.com/{tenant}/v2.0.
    public string? Authority { get; init; }

    public string ClientId { get; init; } = "samordning";

    // Only from configuration (user secrets, environment, a vault). Required for an external authority outside
    // Development: the host is a server-side web app, a confidential client.
    public string? ClientSecret { get; init; }

    // False only for a local provider on plain http in Development (the end-to-end tests); refused elsewhere.
    public bool RequireHttpsMetadata { get; init; } = true;

    // For providers that never send email_verified (Entra ID): their e-mail claim is trusted as verified, because
    // the organisation's own directory issued it. An explicit email_verified=false is never trusted.
    public bool TrustUnverifiedEmail { get; init; }

    // The audience the API's access tokens must carry (a resource indicator, Entra's api://… App ID URI). Empty: the
    // API accepts only the cookie session.
    public string? ApiAudience { get; init; }

    // Other systems that call the API with their own access token (client credentials): client id → role.
    public Dictionary<string, string> SystemClients { get; init; } = [];

    public bool UsesDevelopmentIdentityProvider => string.IsNullOrWhiteSpace(Authority);

    public bool AcceptsApiTokens => !UsesDevelopmentIdentityProvider && !string.IsNullOrWhiteSpace(ApiAudience);

    public static AuthSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthSettings>() ?? new AuthSettings();
}
