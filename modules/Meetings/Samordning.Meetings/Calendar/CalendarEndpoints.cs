using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Calendar;

// An invitation per meeting, and a feed per person of the meetings they facilitate or take part in (in person
// or through their ministry). Both need the person's session, as every meeting page does.
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
                var personId = deps.User.PersonId;
                var ministryId = deps.User.Principal.MinistryId();
                var meetings = await deps.Db.Meetings.AsNoTracking().WithChildren()
                    .Where(m => m.Facilitators.Any(f => f.PersonId == personId)
                        || m.Participants.Any(p => p.PersonId == personId || (ministryId != null && p.MinistryId == ministryId)))
                    .ToListAsync(ct);
                return TypedResults.Text(
                    ICalendar.Write(meetings.OrderBy(m => m.StartsAt), BaseUrl(request), deps.Clock.UtcNow, $"Samordning – {deps.User.DisplayName}"),
                    ICalendar.ContentType);
            })
            .WithTags("Meetings")
            .WithSummary("The signed-in person's meetings as an iCalendar feed (text/calendar).");
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
