using Samordning.Host.Auth;

namespace Samordning.Host.Web;

internal static class SecurityHeaders
{
    // A CSP with no inline script anywhere in our pages. The Hangfire dashboard (administrators only) and the
    // OpenAPI reference page ship inline scripts of their own, so only those two paths get 'unsafe-inline'.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var authority = AuthSettings.From(configuration).Authority;
        var formTargets = string.IsNullOrWhiteSpace(authority) ? "'self'" : $"'self' {new Uri(authority).GetLeftPart(UriPartial.Authority)}";
        var strict = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
            $"connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action {formTargets}";
        var tools = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            var isTool = context.Request.Path.StartsWithSegments("/jobs") || context.Request.Path.StartsWithSegments("/openapi/reference");
            headers.ContentSecurityPolicy = isTool ? tools : strict;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
    }
}
