using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Entries;

internal sealed class AddEntry : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/entries", async (Guid id, EntryRequest request, MeetingServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, id, request, ct)).ToCreated())
            .WithTags("Meeting entries")
            .WithSummary("Writes a live note (note, decision, action item, question, feedback) in a live meeting one facilitates; stored, then sent to everyone following the meeting.");

    public static async Task<EntryOutcome> HandleAsync(MeetingServices deps, Guid meetingId, EntryRequest request, CancellationToken cancellationToken)
    {
        var meeting = await EntryChanges.LoadTargetAsync(deps, meetingId, request.AgendaItemId, cancellationToken);
        if (meeting is null)
        {
            return new(Outcome.NotFound<EntryView>());
        }

        if (EntryRules.RefusalFor(meeting) is { } refusal)
        {
            return EntryOutcome.Refused(refusal);
        }

        var (errors, owner) = await request.ValidateAsync(meeting, deps, null, cancellationToken);
        if (errors.Any)
        {
            return new(Outcome.Invalid<EntryView>(errors));
        }

        var now = deps.Clock.UtcNow;
        var entry = new MeetingEntry { MeetingId = meetingId, Text = "", AuthorPersonId = deps.User.PersonId, AuthorName = deps.User.DisplayName, CreatedAt = now };
        request.ApplyTo(entry, owner, now);
        deps.Db.Entries.Add(entry);
        deps.Db.EntryRevisions.Add(EntryChanges.Revision(entry, 0, now, deps.User.DisplayName));
        EntryChanges.StageLive(deps, entry);
        EntryChanges.StageAssigned(deps, entry, ownerBefore: null, version: 0);
        await deps.Db.SaveChangesAsync(cancellationToken);
        await EntryChanges.DeliverAsync(deps, cancellationToken);
        return new(Outcome.Ok(EntryView.From(entry)));
    }
}
