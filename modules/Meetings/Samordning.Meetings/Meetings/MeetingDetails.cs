using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

internal sealed record FacilitatorView(Guid PersonId, string Name);

internal sealed record ParticipantView(Guid Id, ParticipantKind Kind, Guid? PersonId, Guid? MinistryId, string Name, string? OrganisationNumber, DateTimeOffset? RegisteredAt, bool Attended);

internal sealed record AgendaView(Guid Id, int Position, string Title, Guid? WorkstreamId = null, Guid? InitiativeId = null);

// A meeting as the API returns it, and as a 409 carries the current state.
internal sealed record MeetingDetails(
    Guid Id,
    MeetingKind Kind,
    string Title,
    string? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    Guid OrganisingMinistryId,
    string OrganisingMinistryCode,
    MeetingStatus Status,
    bool Published,
    bool MinutesPublished,
    IReadOnlyList<FacilitatorView> Facilitators,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<AgendaView> Agenda,
    IReadOnlyList<Guid> WorkstreamIds,
    long Version,
    IReadOnlyList<Guid> InitiativeIds)
{
    public static MeetingDetails From(Meeting m) => new(
        m.Id, m.Kind, m.Title, m.Description, m.StartsAt, m.EndsAt, m.Place, m.OnlineLink, m.OrganisingMinistryId, m.OrganisingMinistryCode,
        m.Status, m.Published, m.MinutesPublished,
        [.. m.Facilitators.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new FacilitatorView(f.PersonId, f.Name))],
        [.. m.Participants.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ParticipantView(p.Id, p.Kind, p.PersonId, p.MinistryId, p.Name, p.OrganisationNumber, p.RegisteredAt, p.Attended))],
        [.. m.Agenda.OrderBy(a => a.Position).Select(a => new AgendaView(a.Id, a.Position, a.Title, a.WorkstreamId, a.InitiativeId))],
        [.. m.Workstreams.Select(w => w.WorkstreamId)],
        m.Version,
        [.. m.Initiatives.Select(i => i.InitiativeId)]);

    // What a guest sees of the meeting: not who else takes part, nor the internal links to workstreams.
    public MeetingDetails ForGuest() => this with { Participants = [], WorkstreamIds = [], InitiativeIds = [] };
}
