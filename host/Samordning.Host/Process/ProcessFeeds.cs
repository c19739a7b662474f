using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Samordning.Host.Process;

// /prosess/feed.atom and /prosess/kalender.ics: anonymous, rate limited like the public pages, and cheap to poll:
// a strong ETag of the body and Last-Modified of the latest change, so an unchanged feed answers 304 without a body.
internal static class ProcessFeeds
{
    public static IEndpointRouteBuilder MapProcessFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/prosess/feed.atom", (HttpContext http, ProcessTimeline timeline) =>
                AnswerAsync(http, timeline, ProcessAtom.ContentType, ProcessAtom.Write))
            .AllowAnonymous()
            .RequireRateLimiting("public")
            .WithTags("Process")
            .WithSummary("The white paper's public process as an Atom 1.0 feed, in the language asked for (?culture=nb|nn|en or the language cookie).");

        app.MapGet("/prosess/kalender.ics", (HttpContext http, ProcessTimeline timeline) =>
                AnswerAsync(http, timeline, ProcessCalendar.ContentType, ProcessCalendar.Write))
            .AllowAnonymous()
            .RequireRateLimiting("public")
            .WithTags("Process")
            .WithSummary("The white paper's public meetings, milestones and input deadlines as an iCalendar feed (text/calendar).");
        return app;
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, ProcessTimeline timeline, string contentType, Func<ProcessSnapshot, string, string> write)
    {
        var process = await timeline.ReadAsync(http.RequestAborted);
        var body = Encoding.UTF8.GetBytes(write(process, $"{http.Request.Scheme}://{http.Request.Host}"));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        var modified = process.LastUpdated;
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = modified;
        // Readers may keep it a few minutes; the language comes from the query or the cookie.
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        http.Response.Headers.Vary = "Cookie";

        var request = http.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch is { Count: > 0 } tags
            ? tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && TruncateToSeconds(modified) <= since;
        return notModified
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, contentType);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
}
