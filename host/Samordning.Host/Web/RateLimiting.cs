using System.Threading.RateLimiting;
using Samordning.Shared.Text;

namespace Samordning.Host.Web;

internal static class RateLimiting
{
    // Public pages (sign-in, the public input page): a fixed budget per client address.
    public const string PublicPolicy = "public";

    public static IServiceCollection AddSamordningRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:PublicPermitsPerMinute", 30);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease);
        });
    }

    // Retry-After from the limiter (the rest of the window), else a minute. An API caller gets ProblemDetails; a
    // person gets nothing written here, so the status code pages re-execute the readable page /feil/429 (Feil.cshtml)
    // in their language, with the layout.
    internal static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!RequestKinds.IsApi(http.Request))
        {
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = ErrorHandling.TitleFor(StatusCodes.Status429TooManyRequests),
                Detail = TooMany,
                Extensions = { ["retryAfterSeconds"] = retryAfter },
            },
        });
    }

    public static string TooMany => Localized.T(
        "Du har sendt for mange forespørsler på kort tid. Vent ett minutt og prøv igjen.",
        "You have sent too many requests in a short time. Wait a minute and try again.");
}
