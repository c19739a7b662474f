namespace Samordning.Host.Web;

internal static class RequestKinds
{
    // API and hub requests get status codes and ProblemDetails; everything else is a page for people.
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    // A person's browser opening an address (a link such as "Last ned Excel", a typed URL): whatever comes back
    // is shown as it is, so an error must be a page. Browsers say so in Sec-Fetch-Mode; fetch and XHR send "cors"
    // or "same-origin" there. Without that header (older browsers), asking for HTML is the sign.
    public static bool IsBrowserNavigation(HttpRequest request)
    {
        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        if (mode.Length > 0)
        {
            return string.Equals(mode, "navigate", StringComparison.OrdinalIgnoreCase);
        }

        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    // Who gets ProblemDetails for an error: API clients. A browser that navigated to an API address (an export) gets
    // the error page in the person's language instead of raw JSON.
    public static bool WantsProblemDetails(HttpRequest request) => IsApi(request) && !IsBrowserNavigation(request);
}
