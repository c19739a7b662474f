using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Entries;

internal sealed record WithdrawRequest(long? Version);

// Corrections and withdrawals: a version check against the entry, a revision kept of every state.
internal sealed class CorrectEntry : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPut("/meetings/{id:guid}/entries/{entryId:guid}", async (Guid id, Guid entryId, EntryRequest request, MeetingServices deps, CancellationToken ct) =>
                (await CorrectAsync(deps, id, entryId, request, ct)).ToOk())
            .WithTags("Meeting entries")
            .WithSummary("Corrects an entry. Send the version you read; a stale version gets 409 with the current entry. The earlier text stays in the history.");

        api.MapPost("/meetings/{id:guid}/entries/{entryId:guid}/withdraw", async (Guid id, Guid entryId, WithdrawRequest request, MeetingServices deps, CancellationToken ct) =>
                (await WithdrawAsync(deps, id, entryId, request.Version, ct)).ToOk())
            .WithTags("Meeting entries")
            .WithSummary("Withdraws an entry (it stays in the history). Send the version you read.");
    }

    public static Task<EntryOutcome> CorrectAsync(MeetingServices deps, Guid meetingId, Guid entryId, EntryRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(deps, meetingId, entryId, request.AgendaItemId, request.Version, async (meeting, entry) =>
        {
            var (errors, owner) = await request.ValidateAsync(meeting, deps, entry, cancellationToken);
            if (errors.Any)
            {
                return (OneOf)errors;
            }

            return (OneOf)(Action)(() => request.ApplyTo(entry, owner, deps.Clock.UtcNow));
        }, cancellationToken);

    public static Task<EntryOutcome> WithdrawAsync(MeetingServices deps, Guid meetingId, Guid entryId, long? version, CancellationToken cancellationToken) =>
        ChangeAsync(deps, meetingId, entryId, null, version, (_, entry) => Task.FromResult((OneOf)(Action)(() =>
        {
            entry.Withdrawn = true;
            entry.UpdatedAt = deps.Clock.UtcNow;
        })), cancellationToken);

    private static async Task<EntryOutcome> ChangeAsync(
        MeetingServices deps, Guid meetingId, Guid entryId, Guid? agendaItemId, long? version, Func<EntryTarget, MeetingEntry, Task<OneOf>> prepare, CancellationToken cancellationToken)
    {
        var meeting = await EntryChanges.LoadTargetAsync(deps, meetingId, agendaItemId, cancellationToken);
        var entry = meeting is null ? null : await deps.Db.Entries.FirstOrDefaultAsync(e => e.Id == entryId && e.MeetingId == meetingId, cancellationToken);
        if (meeting is null || entry is null)
        {
            return new(Outcome.NotFound<EntryView>());
        }

        if (EntryRules.RefusalFor(meeting) is { } refusal)
        {
            return EntryOutcome.Refused(refusal);
        }

        var prepared = await prepare(meeting, entry);
        if (prepared.Errors is { } errors)
        {
            return new(Outcome.Invalid<EntryView>(errors));
        }

        var outcome = await Concurrency.SaveAsync(
            deps.Db,
            entry,
            version,
            () =>
            {
                var ownerBefore = entry.OwnerPersonId;
                prepared.Apply!();
                EntryChanges.StageAssigned(deps, entry, ownerBefore, (version ?? 0) + 1);
                deps.Db.EntryRevisions.Add(EntryChanges.Revision(entry, (version ?? 0) + 1, deps.Clock.UtcNow, deps.User.DisplayName));
                EntryChanges.StageLive(deps, entry);
            },
            EntryView.From,
            cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await EntryChanges.DeliverAsync(deps, cancellationToken);
        }

        return new(outcome);
    }

    // Either field errors or the change to apply once the version is checked.
    internal sealed class OneOf
    {
        public FieldErrors? Errors { get; private init; }
        public Action? Apply { get; private init; }

        public static implicit operator OneOf(FieldErrors errors) => new() { Errors = errors };
        public static implicit operator OneOf(Action apply) => new() { Apply = apply };
    }
}
