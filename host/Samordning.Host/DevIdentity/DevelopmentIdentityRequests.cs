using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;

namespace Samordning.Host.DevIdentity;

// OpenIddict's server is an authentication request handler: left to UseAuthentication, it runs on every request
// (a transaction, options and a dispatch through all its request handlers) only to find that /api/ministries is not
// one of its endpoints. Its endpoints all live under two prefixes, so it is taken out of the request handlers that
// UseAuthentication asks, and asked only for those paths (UseDevelopmentIdentityRequests), ahead of UseAuthentication,
// as AuthenticationMiddleware itself would. Authenticate, sign-in and sign-out on its scheme are unchanged.
internal static class DevelopmentIdentityRequests
{
    // The authorization, token and end-session endpoints (connect/…) and the discovery and key set documents
    // (.well-known/…); a test checks that every endpoint OpenIddict is configured with lies under one of them.
    public static readonly PathString[] Prefixes = ["/connect", "/.well-known"];

    public static bool IsIdentityProviderPath(PathString path)
    {
        foreach (var prefix in Prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static IApplicationBuilder UseDevelopmentIdentityRequests(this IApplicationBuilder app) =>
        app.UseWhen(context => IsIdentityProviderPath(context.Request.Path), identityProvider => identityProvider.Use(async (context, next) =>
        {
            var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
            if (await handlers.GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler handler
                && await handler.HandleRequestAsync())
            {
                return;
            }

            await next(context);
        }));
}

// The scheme provider UseAuthentication asks for request handlers, without OpenIddict's server (see above). The
// filtered list is rebuilt only when the schemes change (the base class returns a new array then).
internal sealed class DevelopmentIdentitySchemeProvider(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    private Filtered? requestHandlers;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = await base.GetRequestHandlerSchemesAsync();
        var cached = requestHandlers;
        if (cached is not null && ReferenceEquals(cached.From, all))
        {
            return cached.Schemes;
        }

        cached = new Filtered(all, [.. all.Where(scheme => scheme.Name != OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)]);
        requestHandlers = cached;
        return cached.Schemes;
    }

    private sealed record Filtered(IEnumerable<AuthenticationScheme> From, AuthenticationScheme[] Schemes);
}
