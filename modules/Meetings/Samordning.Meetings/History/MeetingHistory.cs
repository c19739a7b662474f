using System.Security.Claims;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Meetings.Pages.Moter;
using Samordning.Shared.History;

namespace Samordning.Meetings.History;

// A meeting's history (issue 16, point 4), for those who may read the meeting.
internal static class MeetingHistory
{
    private static readonly Dictionary<string, HistoryField> Fields = new(StringComparer.Ordinal)
    {
        [nameof(Meeting.Kind)] = HistoryField.Enum<MeetingKind>(new("Type møte", "Kind of meeting"), k => MeetingTexts.KindName(k)),
        [nameof(Meeting.Title)] = new(new("Tittel", "Title")),
        [nameof(Meeting.Description)] = new(new("Beskrivelse", "Description")),
        [nameof(Meeting.StartsAt)] = new(new("Starter", "Starts")),
        [nameof(Meeting.EndsAt)] = new(new("Slutter", "Ends")),
        [nameof(Meeting.Place)] = new(new("Sted", "Place")),
        [nameof(Meeting.OnlineLink)] = new(new("Lenke til nettmøte", "Online meeting link")),
        [nameof(Meeting.OrganisingMinistryCode)] = new(new("Arrangerende departement", "Organising ministry")),
        [nameof(Meeting.Status)] = HistoryField.Enum<MeetingStatus>(new("Status", "Status"), s => MeetingTexts.StatusName(s)),
        [nameof(Meeting.Published)] = new(new("Publisert", "Published")),
        [nameof(Meeting.MinutesPublished)] = new(new("Referat publisert", "Minutes published")),
    };

    public static async Task<Outcome<HistoryView>> HandleAsync(MeetingsDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Facilitators).Include(m => m.Participants).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Outcome.NotFound<HistoryView>();
        }

        if (!MeetingAccess.CanRead(user, meeting))
        {
            return Outcome.Forbidden<HistoryView>();
        }

        var history = await RecordHistory.ReadAsync(db, nameof(Meeting), id, Fields, showPersonal: true, cancellationToken);
        var links = db.GuestLinks.Where(l => l.MeetingId == id).Select(l => l.Id);
        return Outcome.Ok(new HistoryView(meeting.Title, $"/moter/{id}", await GuestLinkHistory.WithLinksAsync(db, history, nameof(GuestLink), links, cancellationToken)));
    }
}

internal sealed class GetMeetingHistory : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/meetings/{id:guid}/history", async (Guid id, MeetingsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                (await MeetingHistory.HandleAsync(db, user, id, ct)).ToOk())
            .WithTags("History")
            .WithSummary("Who changed what in a meeting, and when, in the reader's language (those who may read the meeting).");
}
