using System.Net;
using Samordning.Benchmarks.Startup;

namespace Samordning.Benchmarks.Hosting.OutOfProcess;

// Signs a person in to a host process the way a browser does, through the bundled identity provider: the challenge
// of a signed-in page, the provider's sign-in form (e-mail and the demo password), the authorization code back to
// /signin-oidc. What comes back is the host's session cookie, which the person's requests then carry; everything
// after that is the product's real cookie authentication (data-protection unprotect per request included).
internal static class BundledSignIn
{
    private const string SignedInPage = "/arbeidsstrommer";

    public static async Task<string> SessionCookieAsync(Uri address, string email, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var challenge = await RedirectAsync(http, new Uri(SignedInPage, UriKind.Relative), cancellationToken);
        var signInPage = new Uri(address, await RedirectAsync(http, challenge, cancellationToken));
        var form = await http.GetStringAsync(signInPage, cancellationToken);
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = WebUtility.HtmlDecode(StartupBenchmark.HiddenValue(form, "ReturnUrl")),
            ["__RequestVerificationToken"] = StartupBenchmark.HiddenValue(form, "__RequestVerificationToken"),
        });
        using var posted = await http.PostAsync(signInPage, fields, cancellationToken);
        var authorize = posted.StatusCode == HttpStatusCode.Found && posted.Headers.Location is { } next
            ? new Uri(address, next)
            : throw new InvalidOperationException($"Signing in {email} answered {(int)posted.StatusCode}.");
        var callback = new Uri(address, await RedirectAsync(http, authorize, cancellationToken));
        await RedirectAsync(http, callback, cancellationToken);

        // Every cookie the browser would now send (the session may be chunked into several).
        return cookies.GetCookies(address).Any(c => c.Name.StartsWith("samordning", StringComparison.Ordinal))
            ? cookies.GetCookieHeader(address)
            : throw new InvalidOperationException($"Signing in {email} left no session cookie.");
    }

    private static async Task<Uri> RedirectAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, cancellationToken);
        return response.StatusCode == HttpStatusCode.Found && response.Headers.Location is { } location
            ? location
            : throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}, not a redirect.");
    }
}
