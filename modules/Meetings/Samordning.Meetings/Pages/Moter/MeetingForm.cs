using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Time;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Pages.Moter;

// The meeting form as people fill it in: a day and times in Europe/Oslo, people and ministries from lists,
// external organisations one a line ("Name; organisation number"), the agenda one item a line.
internal sealed class MeetingForm
{
    public MeetingKind Kind { get; set; } = MeetingKind.Workshop;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public Guid? OrganisingMinistryId { get; set; }
    public List<Guid> FacilitatorIds { get; set; } = [];
    public List<Guid> PersonIds { get; set; } = [];
    public List<Guid> MinistryIds { get; set; } = [];
    public string? Organisations { get; set; }
    public string? Agenda { get; set; }
    public bool Published { get; set; }
    public long? Version { get; set; }

    public List<Guid> WorkstreamIds { get; set; } = [];

    public List<Guid> InitiativeIds { get; set; } = [];

    public MeetingRequest ToRequest(IReadOnlyList<AgendaView>? currentAgenda = null) => new(
        Kind,
        Title,
        Description,
        MeetingTexts.ToInstant(Date, StartTime),
        MeetingTexts.ToInstant(Date, EndTime),
        Place,
        OnlineLink,
        OrganisingMinistryId,
        FacilitatorIds,
        [
            .. PersonIds.Distinct().Select(id => new ParticipantRequest(ParticipantKind.Person, id, null, null, null)),
            .. MinistryIds.Distinct().Select(id => new ParticipantRequest(ParticipantKind.Ministry, null, id, null, null)),
            .. Lines(Organisations).Select(Organisation),
        ],
        [.. Lines(Agenda).Select(title => new AgendaRequest(currentAgenda?.FirstOrDefault(a => a.Title == title)?.Id, title))],
        WorkstreamIds,
        Published,
        Version,
        InitiativeIds);

    public static MeetingForm From(MeetingDetails m)
    {
        var start = Oslo.ToOslo(m.StartsAt);
        var end = Oslo.ToOslo(m.EndsAt);
        return new()
        {
            Kind = m.Kind,
            Title = m.Title,
            Description = m.Description,
            Date = DateOnly.FromDateTime(start.DateTime),
            StartTime = TimeOnly.FromDateTime(start.DateTime),
            EndTime = TimeOnly.FromDateTime(end.DateTime),
            Place = m.Place,
            OnlineLink = m.OnlineLink,
            OrganisingMinistryId = m.OrganisingMinistryId,
            FacilitatorIds = [.. m.Facilitators.Select(f => f.PersonId)],
            PersonIds = [.. m.Participants.Where(p => p.Kind == ParticipantKind.Person).Select(p => p.PersonId!.Value)],
            MinistryIds = [.. m.Participants.Where(p => p.Kind == ParticipantKind.Ministry).Select(p => p.MinistryId!.Value)],
            Organisations = string.Join('\n', m.Participants.Where(p => p.Kind == ParticipantKind.Organisation)
                .Select(p => p.OrganisationNumber is null ? p.Name : $"{p.Name}; {p.OrganisationNumber}")),
            Agenda = string.Join('\n', m.Agenda.Select(a => a.Title)),
            Published = m.Published,
            Version = m.Version,
            WorkstreamIds = [.. m.WorkstreamIds],
            InitiativeIds = [.. m.InitiativeIds],
        };
    }

    // The request's field names, moved to the form's fields, so each error shows beside the field it is about.
    public static Outcome<T> ForForm<T>(Outcome<T> outcome)
    {
        if (outcome.Kind != OutcomeKind.Invalid)
        {
            return outcome;
        }

        var errors = new FieldErrors();
        foreach (var (field, messages) in outcome.Errors!.ToDictionary())
        {
            var formField = field switch
            {
                nameof(MeetingRequest.StartsAt) => nameof(StartTime),
                nameof(MeetingRequest.EndsAt) => nameof(EndTime),
                nameof(MeetingRequest.Participants) => nameof(Organisations),
                _ => field,
            };
            foreach (var message in messages)
            {
                errors.Add(formField, new(message, message));
            }
        }

        return Outcome.Invalid<T>(errors);
    }

    private static ParticipantRequest Organisation(string line)
    {
        var parts = line.Split(';', 2);
        return new(ParticipantKind.Organisation, null, null, parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : null);
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

// The lists the form chooses from.
internal sealed record MeetingFormOptions(
    IReadOnlyList<MinistryInfo> Ministries,
    IReadOnlyList<PersonInfo> People,
    IReadOnlyList<PersonInfo> Facilitators,
    IReadOnlyList<WorkstreamInfo> Workstreams,
    IReadOnlyList<InitiativeInfo> Initiatives)
{
    // The picker's find without script, when the form was posted for it.
    public InitiativeFind? Find { get; init; }

    // The initiatives are those the person may link to, and those the meeting or the form has already (kept when
    // saved), with a find's matches first.
    public static async Task<MeetingFormOptions> LoadAsync(MeetingServices deps, IReadOnlyCollection<Guid> currentInitiatives, InitiativeFind? find, CancellationToken cancellationToken)
    {
        var directory = deps.Directory;
        var ministries = await directory.GetMinistriesAsync(cancellationToken);
        var people = new Dictionary<Guid, PersonInfo>();
        foreach (var role in Roles.All)
        {
            foreach (var person in await directory.GetPeopleAsync(null, role, cancellationToken))
            {
                people[person.Id] = person;
            }
        }

        var all = people.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        return new(ministries, all, [.. all.Where(p => p.Roles.Contains(Roles.Facilitator) || p.Roles.Contains(Roles.Coordinator))],
            await deps.Workstreams.GetWorkstreamsAsync(cancellationToken),
            await deps.Initiatives.ChoicesAsync(deps.User.Principal, currentInitiatives, find, cancellationToken)) { Find = find };
    }
}

internal sealed record MeetingFormView(MeetingForm Input, MeetingFormOptions Options);
