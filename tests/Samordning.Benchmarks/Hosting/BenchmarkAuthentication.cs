using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Samordning.Benchmarks.Hosting;

// Stands in for the cookie session, as an integration test scheme would: the identity provider's claims (subject,
// e-mail, name) come from request headers. Everything after authentication is the product's own: the registry
// claims transformation and the authorization policies. It is cheaper than the real cookie (no data-protection
// unprotect per request), so the subject's figure is, if anything, a little flattering.
internal sealed class BenchmarkAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Benchmark";
    public const string SubjectHeader = "X-Benchmark-Subject";
    public const string EmailHeader = "X-Benchmark-Email";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var subject = Request.Headers[SubjectHeader].ToString();
        var email = Request.Headers[EmailHeader].ToString();
        if (subject.Length == 0 && email.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // The claim types the OpenID Connect handler produces with MapInboundClaims = false; the e-mail verified, as
        // the development identity provider (and any provider the registry trusts) says it is.
        var identity = new ClaimsIdentity(
            [new Claim("sub", subject), new Claim("email", email), new Claim("email_verified", "true"), new Claim("name", email)],
            SchemeName,
            "name",
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

internal static class BenchmarkAuthentication
{
    // The seeded coordinator (appsettings.Development.json): the subject the development identity provider gives
    // her, and her e-mail, which the registry knows.
    public const string CoordinatorSubject = "demo-koordinator";
    public const string CoordinatorEmail = "kari.koordinator@kmd.example.no";

    public static void AddBenchmarkAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BenchmarkAuthenticationHandler>(BenchmarkAuthenticationHandler.SchemeName, null);

        // After the host's own configuration, so these defaults win over the cookie and OpenID Connect schemes.
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = BenchmarkAuthenticationHandler.SchemeName;
            options.DefaultAuthenticateScheme = BenchmarkAuthenticationHandler.SchemeName;
            options.DefaultChallengeScheme = BenchmarkAuthenticationHandler.SchemeName;
            options.DefaultForbidScheme = BenchmarkAuthenticationHandler.SchemeName;
        });
    }

    public static void AddCoordinator(HttpRequestMessage request)
    {
        request.Headers.Add(BenchmarkAuthenticationHandler.SubjectHeader, CoordinatorSubject);
        request.Headers.Add(BenchmarkAuthenticationHandler.EmailHeader, CoordinatorEmail);
    }
}
