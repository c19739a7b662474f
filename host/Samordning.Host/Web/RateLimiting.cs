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
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    Localized.T(
                        "Du har sendt for mange forespørsler på kort tid. Vent ett minutt og prøv igjen.",
                        "You have sent too many requests in a short time. Wait a minute and try again."),
                    cancellationToken);
            };
        });
    }
}
