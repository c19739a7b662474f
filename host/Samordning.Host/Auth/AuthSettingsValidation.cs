using Microsoft.Extensions.Options;
using Samordning.Shared.Security;

namespace Samordning.Host.Auth;

// Checked once at start-up (ValidateOnStart): a setting the OpenID Connect handler would only reject on the first
// request (an http authority, say) would otherwise make every request, health included, answer 500.
internal sealed class AuthSettingsValidation(IHostEnvironment environment) : IValidateOptions<AuthSettings>
{
    public ValidateOptionsResult Validate(string? name, AuthSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var development = environment.IsDevelopment();
        if (!options.RequireHttpsMetadata && !development)
        {
            failures.Add("Auth:RequireHttpsMetadata=false is allowed only in the Development environment (a local identity provider on plain http).");
        }

        if (!options.UsesDevelopmentIdentityProvider)
        {
            ValidateAuthority(options, development, failures);
        }
        else if (!string.IsNullOrWhiteSpace(options.ApiAudience))
        {
            failures.Add("Auth:ApiAudience needs Auth:Authority: API tokens come from the organisation's identity provider.");
        }

        foreach (var (client, role) in options.SystemClients)
        {
            if (!Roles.All.Contains(role, StringComparer.Ordinal))
            {
                failures.Add($"Auth:SystemClients:{client} has the role '{role}'; the roles are {string.Join(", ", Roles.All)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAuthority(AuthSettings options, bool development, List<string> failures)
    {
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Auth:Authority '{options.Authority}' is not an absolute https address.");
            return;
        }

        if (authority.Scheme == Uri.UriSchemeHttp && (!development || options.RequireHttpsMetadata))
        {
            failures.Add(development
                ? $"Auth:Authority '{options.Authority}' is http: use https, or for a local test provider set Auth:RequireHttpsMetadata=false (Development only)."
                : $"Auth:Authority '{options.Authority}' is http: outside Development the identity provider must be reached over https.");
        }

        if (!development && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Auth:ClientSecret is missing: the host is a confidential client of Auth:Authority; set the secret from the vault (Auth__ClientSecret).");
        }
    }
}
