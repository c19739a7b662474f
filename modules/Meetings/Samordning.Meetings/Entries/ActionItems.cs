using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Entries;

internal sealed record ActionItemView(Guid Id, Guid MeetingId, string MeetingTitle, string Text, Guid? OwnerPersonId, string? OwnerName, DateOnly? DueDate, ActionStatus Status, long Version);

internal sealed record ActionStatusRequest(ActionStatus Status, long? Version);

// Action items per meeting and "mine"; the owner, the meeting's facilitators and coordinators mark them done,
// also after the meeting has closed (that is when the work happens).
internal sealed class ActionItems : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/action-items/mine", async (MeetingServices deps, CancellationToken ct) => TypedResults.Ok(await MineAsync(deps, ct)))
            .WithTags("Action items")
            .WithSummary("The signed-in person's action items from every meeting, open first, soonest due first.");

        api.MapGet("/meetings/{id:guid}/action-items", async Task<Results<Ok<List<ActionItemView>>, ProblemHttpResult>> (Guid id, MeetingServices deps, CancellationToken ct) =>
                await OfMeetingAsync(deps, id, ct) is { } items ? TypedResults.Ok(items) : Problems.NotFound())
            .WithTags("Action items")
            .WithSummary("A meeting's action items.");

        api.MapPut("/meetings/{id:guid}/action-items/{entryId:guid}/status", async (Guid id, Guid entryId, ActionStatusRequest request, MeetingServices deps, CancellationToken ct) =>
                (await SetStatusAsync(deps, id, entryId, request, ct)).ToOk())
            .WithTags("Action items")
            .WithSummary("Marks an action item open or done. Send the version you read.");
    }

    public static async Task<List<ActionItemView>> MineAsync(MeetingServices deps, CancellationToken cancellationToken)
    {
        var personId = deps.User.PersonId;
        var items = await QueryAsync(deps.Db, e => e.OwnerPersonId == personId, cancellationToken);
        return [.. items.Select(x => View(x.Entry, x.Title)).OrderBy(i => i.Status).ThenBy(i => i.DueDate)];
    }

    public static async Task<List<ActionItemView>?> OfMeetingAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await EntryChanges.LoadMeetingAsync(deps, meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
        {
            return null;
        }

        var items = await QueryAsync(deps.Db, e => e.MeetingId == meetingId, cancellationToken);
        return [.. items.Select(x => View(x.Entry, x.Title)).OrderBy(i => i.DueDate)];
    }

    public static async Task<Outcome<ActionItemView>> SetStatusAsync(MeetingServices deps, Guid meetingId, Guid entryId, ActionStatusRequest request, CancellationToken cancellationToken)
    {
        var meeting = await EntryChanges.LoadMeetingAsync(deps, meetingId, cancellationToken);
        var entry = meeting is null ? null : await deps.Db.Entries.FirstOrDefaultAsync(
            e => e.Id == entryId && e.MeetingId == meetingId && e.Kind == EntryKind.ActionItem && !e.Withdrawn, cancellationToken);
        if (meeting is null || entry is null)
        {
            return Outcome.NotFound<ActionItemView>();
        }

        if (entry.OwnerPersonId != deps.User.PersonId && !MeetingAccess.CanManage(deps.User.Principal, meeting))
        {
            return Outcome.Forbidden<ActionItemView>();
        }

        if (!Enum.IsDefined(request.Status))
        {
            return Outcome.Invalid<ActionItemView>(new FieldErrors().Add(nameof(request.Status), new("Ukjent status.", "Unknown status.")));
        }

        var outcome = await Concurrency.SaveAsync(
            deps.Db,
            entry,
            request.Version,
            () =>
            {
                entry.ActionStatus = request.Status;
                EntryChanges.StageLive(deps, entry);
            },
            e => View(e, meeting.Title),
            cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await EntryChanges.DeliverAsync(deps, cancellationToken);
        }

        return outcome;
    }

    private static async Task<List<(MeetingEntry Entry, string Title)>> QueryAsync(
        MeetingsDbContext db, System.Linq.Expressions.Expression<Func<MeetingEntry, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await db.Entries.AsNoTracking()
            .Where(e => e.Kind == EntryKind.ActionItem && !e.Withdrawn)
            .Where(filter)
            .Join(db.Meetings, e => e.MeetingId, m => m.Id, (e, m) => new { Entry = e, m.Title })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Entry, r.Title))];
    }

    private static ActionItemView View(MeetingEntry e, string meetingTitle) =>
        new(e.Id, e.MeetingId, meetingTitle, e.Text, e.OwnerPersonId, e.OwnerName, e.DueDate, e.ActionStatus ?? ActionStatus.Open, e.Version);
}
