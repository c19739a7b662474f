using Samordning.Meetings.Links;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Agenda;

// What one agenda item is about: a workstream and an initiative of its own (issue 16). Version is the meeting's,
// as the agenda is part of the meeting.
internal sealed record AgendaLinksRequest(Guid? WorkstreamId, Guid? InitiativeId, long? Version);

// Links one agenda item to a workstream and an initiative; those who manage the meeting may, and only to
// initiatives they may link to. Empty ids clear a link.
internal sealed class LinkAgendaItem : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/meetings/{id:guid}/agenda/{itemId:guid}/links", async (Guid id, Guid itemId, AgendaLinksRequest request, MeetingServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, id, itemId, request, ct)).ToOk())
            .WithTags("Meetings")
            .WithSummary("Links an agenda item to a workstream and an initiative. Send the meeting's version; a stale version gets 409 with the current meeting.");

    public static async Task<Outcome<MeetingDetails>> HandleAsync(MeetingServices deps, Guid id, Guid itemId, AgendaLinksRequest request, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<MeetingDetails>(deps, id, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        if (meeting.Agenda.FirstOrDefault(a => a.Id == itemId) is not { } item)
        {
            return Outcome.NotFound<MeetingDetails>();
        }

        var workstream = request.WorkstreamId is { } w && w != Guid.Empty ? w : (Guid?)null;
        var initiative = request.InitiativeId is { } i && i != Guid.Empty ? i : (Guid?)null;
        var errors = new FieldErrors();
        await OwnLinks.CheckAsync(deps, (workstream, item.WorkstreamId), (initiative, item.InitiativeId), errors, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<MeetingDetails>(errors);
        }

        return await Concurrency.SaveAsync(deps.Db, meeting, request.Version, () =>
            {
                item.WorkstreamId = workstream;
                item.InitiativeId = initiative;
                meeting.UpdatedAt = deps.Clock.UtcNow;
                MeetingLive.StageChanged(deps.Db, id, participants: false);
            },
            MeetingDetails.From, cancellationToken);
    }
}
