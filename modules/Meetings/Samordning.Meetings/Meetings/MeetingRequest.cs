using Samordning.Meetings.Data;
using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Meetings;

internal sealed record ParticipantRequest(ParticipantKind Kind, Guid? PersonId, Guid? MinistryId, string? Name, string? OrganisationNumber);

internal sealed record AgendaRequest(Guid? Id, string? Title);

// The body of a create or an update of a meeting. Times are instants (the API carries the offset); pages
// convert what people type in Europe/Oslo. Version is the one the person saw; null on create.
internal sealed record MeetingRequest(
    MeetingKind Kind,
    string? Title,
    string? Description,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Place,
    string? OnlineLink,
    Guid? OrganisingMinistryId,
    IReadOnlyList<Guid>? FacilitatorIds,
    IReadOnlyList<ParticipantRequest>? Participants,
    IReadOnlyList<AgendaRequest>? Agenda,
    IReadOnlyList<Guid>? WorkstreamIds,
    bool Published = false,
    long? Version = null,
    IReadOnlyList<Guid>? InitiativeIds = null)
{
    public const int MaxParticipants = 500;
    public const int MaxAgendaItems = 50;
    public const int MaxWorkstreams = 50;

    internal sealed record Resolved(MinistryInfo Organiser, IReadOnlyList<PersonInfo> Facilitators, IReadOnlyList<MeetingParticipant> Participants, IReadOnlyList<Guid>? Initiatives);

    // InitiativeIds null leaves the meeting's initiatives as they are (clients from before the links); [] clears them.
    public async Task<(FieldErrors Errors, Resolved? Resolved)> ValidateAsync(MeetingServices deps, Meeting? current, CancellationToken cancellationToken)
    {
        var directory = deps.Directory;
        var errors = new FieldErrors()
            .Required(nameof(Title), Title, new("Tittel", "Title"), 200)
            .MaxLength(nameof(Description), Description, new("Beskrivelse", "Description"), 4000)
            .MaxLength(nameof(Place), Place, new("Sted", "Place"), 300)
            .InDateRange(nameof(StartsAt), StartsAt, new("Starttidspunktet", "The start time"))
            .InDateRange(nameof(EndsAt), EndsAt, new("Sluttidspunktet", "The end time"));

        if (!Enum.IsDefined(Kind))
        {
            errors.Add(nameof(Kind), new("Ukjent møtetype.", "Unknown kind of meeting."));
        }

        if (StartsAt is null)
        {
            errors.Add(nameof(StartsAt), new("Starttidspunkt må fylles ut.", "The start time is required."));
        }

        if (EndsAt is null)
        {
            errors.Add(nameof(EndsAt), new("Sluttidspunkt må fylles ut.", "The end time is required."));
        }
        else if (StartsAt is { } start && EndsAt <= start && !errors.Has(nameof(EndsAt)))
        {
            errors.Add(nameof(EndsAt), new("Møtet må slutte etter at det starter.", "The meeting must end after it starts."));
        }

        if (string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(OnlineLink))
        {
            errors.Add(nameof(Place), new("Oppgi sted, nettlenke eller begge.", "Give a place, an online link or both."));
        }

        if (!string.IsNullOrWhiteSpace(OnlineLink) && !IsWebAddress(OnlineLink))
        {
            errors.Add(nameof(OnlineLink), new("Nettlenken må være en fullstendig adresse som begynner med https://.", "The online link must be a full address starting with https://."));
        }

        var agenda = (Agenda ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Title)).ToList();
        if (agenda.Count > MaxAgendaItems)
        {
            errors.Add(nameof(Agenda), new($"Høyst {MaxAgendaItems} punkter på dagsordenen.", $"At most {MaxAgendaItems} agenda items."));
        }

        if (agenda.Any(a => a.Title!.Trim().Length > 300))
        {
            errors.Add(nameof(Agenda), new("Et punkt på dagsordenen kan ha høyst 300 tegn.", "An agenda item can have at most 300 characters."));
        }

        var ministries = await directory.GetMinistriesAsync(cancellationToken);
        var organiser = ministries.FirstOrDefault(m => m.Id == OrganisingMinistryId);
        if (organiser is null)
        {
            errors.Add(nameof(OrganisingMinistryId), new("Velg et departement som finnes.", "Choose an existing ministry."));
        }

        var facilitators = new List<PersonInfo>();
        foreach (var id in (FacilitatorIds ?? []).Distinct())
        {
            if (await directory.GetPersonAsync(id, cancellationToken) is { Active: true } person)
            {
                facilitators.Add(person);
            }
            else
            {
                errors.Add(nameof(FacilitatorIds), new("En møteleder finnes ikke i personregisteret.", "A facilitator is not in the people registry."));
                break;
            }
        }

        if (facilitators.Count == 0 && !errors.ToDictionary().ContainsKey(nameof(FacilitatorIds)))
        {
            errors.Add(nameof(FacilitatorIds), new("Velg minst én møteleder.", "Choose at least one facilitator."));
        }

        await CheckWorkstreamsAsync(deps.Workstreams, errors, cancellationToken);
        var initiatives = InitiativeIds is null
            ? null
            : await deps.Initiatives.CheckAsync(
                deps.User.Principal, InitiativeIds, [.. current?.Initiatives.Select(i => i.InitiativeId) ?? []], errors, nameof(InitiativeIds), cancellationToken);
        var participants = await ResolveParticipantsAsync(directory, ministries, errors, cancellationToken);
        return (errors, errors.Any ? null : new Resolved(organiser!, facilitators, participants, initiatives));
    }

    // Links are ids into the Workstreams module (no foreign key across modules), so each is checked there.
    private async Task CheckWorkstreamsAsync(IWorkstreamDirectory workstreams, FieldErrors errors, CancellationToken cancellationToken)
    {
        var requested = (WorkstreamIds ?? []).Distinct().ToList();
        if (requested.Count > MaxWorkstreams)
        {
            errors.Add(nameof(WorkstreamIds), new($"Høyst {MaxWorkstreams} arbeidsstrømmer.", $"At most {MaxWorkstreams} workstreams."));
        }
        else if (await workstreams.CountUnknownAsync(requested, cancellationToken) > 0)
        {
            errors.Add(nameof(WorkstreamIds), new("En arbeidsstrøm finnes ikke. Velg blant arbeidsstrømmene i listen.", "A workstream does not exist. Choose among the workstreams in the list."));
        }
    }

    private async Task<List<MeetingParticipant>> ResolveParticipantsAsync(
        IMinistryDirectory directory, IReadOnlyList<MinistryInfo> ministries, FieldErrors errors, CancellationToken cancellationToken)
    {
        var requested = Participants ?? [];
        var resolved = new List<MeetingParticipant>();
        if (requested.Count > MaxParticipants)
        {
            errors.Add(nameof(Participants), new($"Høyst {MaxParticipants} deltakere.", $"At most {MaxParticipants} participants."));
            return resolved;
        }

        foreach (var p in requested)
        {
            switch (p.Kind)
            {
                case ParticipantKind.Person when p.PersonId is { } personId && await directory.GetPersonAsync(personId, cancellationToken) is { } person:
                    resolved.Add(new MeetingParticipant { Kind = p.Kind, PersonId = person.Id, Name = person.Name });
                    break;
                case ParticipantKind.Ministry when ministries.FirstOrDefault(m => m.Id == p.MinistryId) is { } ministry:
                    resolved.Add(new MeetingParticipant { Kind = p.Kind, MinistryId = ministry.Id, Name = ministry.Code });
                    break;
                case ParticipantKind.Organisation when !string.IsNullOrWhiteSpace(p.Name) && p.Name.Trim().Length <= 200
                                                       && (string.IsNullOrWhiteSpace(p.OrganisationNumber) || Shared.Text.OrganisationNumber.IsValid(p.OrganisationNumber)):
                    resolved.Add(new MeetingParticipant
                    {
                        Kind = p.Kind,
                        Name = p.Name.Trim(),
                        OrganisationNumber = string.IsNullOrWhiteSpace(p.OrganisationNumber) ? null : Shared.Text.OrganisationNumber.Normalize(p.OrganisationNumber),
                    });
                    break;
                case ParticipantKind.Organisation when !string.IsNullOrWhiteSpace(p.Name) && p.Name.Trim().Length <= 200:
                    errors.OrganisationNumber(nameof(Participants), p.OrganisationNumber, new($"Organisasjonsnummeret til {p.Name.Trim()}", $"The organisation number of {p.Name.Trim()}"));
                    break;
                default:
                    errors.Add(nameof(Participants), new(
                        "En deltaker er ugyldig: velg en person eller et departement som finnes, eller skriv navnet på organisasjonen (høyst 200 tegn).",
                        "A participant is invalid: choose an existing person or ministry, or write the organisation's name (at most 200 characters)."));
                    break;
            }
        }

        return resolved;
    }

    public void ApplyTo(Meeting meeting, Resolved resolved)
    {
        meeting.Kind = Kind;
        meeting.Title = Title!.Trim();
        meeting.Description = Blank(Description);
        meeting.StartsAt = StartsAt!.Value.ToUniversalTime();
        meeting.EndsAt = EndsAt!.Value.ToUniversalTime();
        meeting.Place = Blank(Place);
        meeting.OnlineLink = Blank(OnlineLink);
        meeting.OrganisingMinistryId = resolved.Organiser.Id;
        meeting.OrganisingMinistryCode = resolved.Organiser.Code;
        meeting.Published = Published;

        var facilitatorIds = resolved.Facilitators.Select(f => f.Id).ToHashSet();
        meeting.Facilitators.RemoveAll(f => !facilitatorIds.Contains(f.PersonId));
        meeting.Facilitators.AddRange(resolved.Facilitators
            .Where(f => meeting.Facilitators.All(existing => existing.PersonId != f.Id))
            .Select(f => new MeetingFacilitator { MeetingId = meeting.Id, PersonId = f.Id, Name = f.Name }));

        // Participants who stay keep their registration and attendance.
        var wanted = resolved.Participants.DistinctBy(ParticipantKey).ToList();
        var wantedKeys = wanted.Select(ParticipantKey).ToHashSet();
        meeting.Participants.RemoveAll(p => !wantedKeys.Contains(ParticipantKey(p)));
        foreach (var participant in wanted.Where(w => meeting.Participants.All(p => ParticipantKey(p) != ParticipantKey(w))))
        {
            participant.MeetingId = meeting.Id;
            meeting.Participants.Add(participant);
        }

        ApplyAgenda(meeting);

        var workstreams = (WorkstreamIds ?? []).Distinct().ToHashSet();
        meeting.Workstreams.RemoveAll(w => !workstreams.Contains(w.WorkstreamId));
        meeting.Workstreams.AddRange(workstreams.Where(id => meeting.Workstreams.All(w => w.WorkstreamId != id))
            .Select(id => new MeetingWorkstream { MeetingId = meeting.Id, WorkstreamId = id }));

        if (resolved.Initiatives is { } initiatives)
        {
            meeting.Initiatives.RemoveAll(i => !initiatives.Contains(i.InitiativeId));
            meeting.Initiatives.AddRange(initiatives.Where(id => meeting.Initiatives.All(i => i.InitiativeId != id))
                .Select(id => new MeetingInitiative { MeetingId = meeting.Id, InitiativeId = id }));
        }
    }

    // Items keep their ids (entries refer to them): matched by id, else by title; the rest are new.
    private void ApplyAgenda(Meeting meeting)
    {
        var requested = (Agenda ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Title)).ToList();
        var kept = new List<AgendaItem>();
        var position = 0;
        foreach (var item in requested)
        {
            var title = item.Title!.Trim();
            var existing = meeting.Agenda.FirstOrDefault(a => !kept.Contains(a) && item.Id is { } id && a.Id == id)
                ?? meeting.Agenda.FirstOrDefault(a => !kept.Contains(a) && a.Title == title);
            if (existing is null)
            {
                existing = new AgendaItem { MeetingId = meeting.Id, Title = title };
                meeting.Agenda.Add(existing);
            }

            existing.Title = title;
            existing.Position = ++position;
            kept.Add(existing);
        }

        meeting.Agenda.RemoveAll(a => !kept.Contains(a));
    }

    private static string ParticipantKey(MeetingParticipant p) => p.Kind switch
    {
        ParticipantKind.Person => $"p:{p.PersonId}",
        ParticipantKind.Ministry => $"m:{p.MinistryId}",
        _ => $"o:{p.Name.ToUpperInvariant()}:{p.OrganisationNumber}",
    };

    private static bool IsWebAddress(string value) =>
        value.Trim().Length <= 2000 && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
