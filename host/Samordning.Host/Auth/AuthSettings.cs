namespace Samordning.Host.Auth;

// The Auth section. With no Authority, the bundled development identity provider is the authority.
internal sealed class AuthSettings
{
    public const string Section = "Auth";

    // The organisation's identity provider, for example https://login.microsoftonline.com/{tenant}/v2.0.
    public string? Authority { get; init; }

    public string ClientId { get; init; } = "samordning";

    // Only from configuration (user secrets, environment, a vault); empty for a public client with PKCE.
    public string? ClientSecret { get; init; }

    public bool UsesDevelopmentIdentityProvider => string.IsNullOrWhiteSpace(Authority);

    public static AuthSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthSettings>() ?? new AuthSettings();
}
