using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Minutes;

// The minutes as .docx: for those who may read the meeting, and for anyone once the meeting and its minutes
// are published.
internal sealed class MinutesEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/meetings/{id:guid}/minutes.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, HttpContext http, MeetingServices deps, CancellationToken ct) =>
            {
                var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == id, ct);
                if (meeting is null || !(IsPublic(meeting) || MeetingAccess.CanRead(http.User, meeting)))
                {
                    return Problems.NotFound();
                }

                var minutes = await MinutesView.LoadAsync(deps.Db, id, ct);
                return TypedResults.File(MinutesDocument.Write(minutes!), MinutesDocument.ContentType, $"referat-{id}.docx");
            })
            .AllowAnonymous()
            .WithTags("Meetings")
            .WithSummary("The minutes as a Word document (.docx).");

    public static bool IsPublic(Data.Meeting meeting) => meeting.Published && meeting.MinutesPublished;
}
