using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Entries;

internal sealed record RevisionView(long Version, EntryKind Kind, string Text, bool Withdrawn, DateTimeOffset At, string By);

internal sealed class ListEntries : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}/entries", async Task<Results<Ok<IReadOnlyList<EntryView>>, ProblemHttpResult>> (Guid id, MeetingServices deps, CancellationToken ct) =>
                await ListAsync(deps, id, ct) is { } entries ? TypedResults.Ok(entries) : Problems.NotFound())
            .WithTags("Meeting entries")
            .WithSummary("The meeting's entries in the order they were written, withdrawn ones included (marked).");

        api.MapGet("/meetings/{id:guid}/entries/{entryId:guid}/history", async Task<Results<Ok<List<RevisionView>>, ProblemHttpResult>> (Guid id, Guid entryId, MeetingServices deps, CancellationToken ct) =>
            {
                var meeting = await EntryChanges.LoadMeetingAsync(deps, id, ct);
                return meeting is not null && MeetingAccess.CanRead(deps.User.Principal, meeting)
                    && await HistoryAsync(deps.Db, id, entryId, ct) is { } revisions
                        ? TypedResults.Ok(revisions)
                        : Problems.NotFound();
            })
            .WithTags("Meeting entries")
            .WithSummary("Every state an entry has had, oldest first.");
    }

    // Null when the meeting does not exist or the person may not read it: the same answer, so ids do not leak.
    public static async Task<IReadOnlyList<EntryView>?> ListAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await EntryChanges.LoadMeetingAsync(deps, meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
        {
            return null;
        }

        return await EntriesOfAsync(deps.Db, meetingId, cancellationToken);
    }

    // The entry's revisions, or null when the entry is not one of this meeting's: access is checked on the meeting
    // in the path, so an entry of another meeting must not be found through it.
    public static async Task<List<RevisionView>?> HistoryAsync(MeetingsDbContext db, Guid meetingId, Guid entryId, CancellationToken cancellationToken)
    {
        if (!await db.Entries.AnyAsync(e => e.Id == entryId && e.MeetingId == meetingId, cancellationToken))
        {
            return null;
        }

        return await db.EntryRevisions.AsNoTracking().Where(r => r.EntryId == entryId)
            .OrderBy(r => r.Version)
            .Select(r => new RevisionView(r.Version, r.Kind, r.Text, r.Withdrawn, r.At, r.By))
            .ToListAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<EntryView>> EntriesOfAsync(MeetingsDbContext db, Guid meetingId, CancellationToken cancellationToken)
    {
        var entries = await db.Entries.AsNoTracking().Where(e => e.MeetingId == meetingId).ToListAsync(cancellationToken);

        // Version 7 ids grow with time, so they break ties between entries written in the same tick.
        return [.. entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(EntryView.From)];
    }
}
