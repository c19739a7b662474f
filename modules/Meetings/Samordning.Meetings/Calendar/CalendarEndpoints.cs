using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Calendar;

// An invitation per meeting, and a feed per person of the meetings they facilitate or take part in (in person
// or through their ministry): with the person's session, or at the person's secret address (CalendarFeeds),
// which calendar apps fetch without one.
internal sealed class CalendarEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}/invitation.ics", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, HttpRequest request, MeetingServices deps, CancellationToken ct) =>
            {
                var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == id, ct);
                if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
                {
                    return Problems.NotFound();
                }

                request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"mote-{id}.ics\"";
                return TypedResults.Text(ICalendar.Write([meeting], BaseUrl(request), deps.Clock.UtcNow), ICalendar.ContentType);
            })
            .WithTags("Meetings")
            .WithSummary("The meeting as an iCalendar invitation (text/calendar).");

        api.MapGet("/meetings/calendar.ics", async (HttpRequest request, MeetingServices deps, CancellationToken ct) =>
            {
                var meetings = await CalendarFeeds.MeetingsOfAsync(deps.Db, deps.User.Principal, ct);
                return TypedResults.Text(
                    ICalendar.Write(meetings, BaseUrl(request), deps.Clock.UtcNow, $"Samordning – {deps.User.DisplayName}"),
                    ICalendar.ContentType);
            })
            .WithTags("Meetings")
            .WithSummary("The signed-in person's meetings as an iCalendar feed (text/calendar).");

        // No session: the token is the key. Rate limited per client address like the other public pages; an
        // unknown or replaced token, or a person who no longer has access, is simply not found.
        api.MapGet("/meetings/feed/{token}.ics", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                string token, HttpRequest request, MeetingsDbContext db, IMinistryDirectory directory, IClock clock, CancellationToken ct) =>
            {
                if (await CalendarFeeds.PersonOfAsync(db, directory, token, ct) is not { } person)
                {
                    return Problems.NotFound();
                }

                var meetings = await CalendarFeeds.MeetingsOfAsync(db, person.Person, ct);
                request.HttpContext.Response.Headers.CacheControl = "private, no-cache";
                return TypedResults.Text(
                    ICalendar.Write(meetings, BaseUrl(request), clock.UtcNow, $"Samordning – {person.Name}"),
                    ICalendar.ContentType);
            })
            .AllowAnonymous()
            .RequireRateLimiting("public")
            .WithTags("Meetings")
            .WithSummary("A person's meetings as an iCalendar feed at their secret address (made on /moter/kalender), for calendar apps that subscribe without signing in.");
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
