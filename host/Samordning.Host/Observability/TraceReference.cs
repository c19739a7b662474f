using System.Diagnostics;

namespace Samordning.Host.Observability;

// The reference a person quotes to support: the request's W3C trace id, the same id every log line of the request
// carries (logging scopes) and a trace collector shows, so one value finds the page, the logs and the trace.
// ASP.NET Core's TraceIdentifier (connection id and request number) appears in none of them.
internal static class TraceReference
{
    public static string Of(HttpContext context) =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : context.TraceIdentifier;
}
