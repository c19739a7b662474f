using Microsoft.Extensions.Configuration;
using Samordning.Meetings.Data;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Seed;

// Demo meetings for the embedded default (Modules:Meetings:SeedDemoData): the kick-off with all ministries and
// the supplier dialogue meeting (both held, minutes published), a workshop that is live now and a one-to-one
// meeting ahead. Runs only on an empty module, after the registry is seeded.
internal sealed class SeedDemoMeetings(MeetingsDbContext db, IMinistryDirectory directory, IClock clock, IConfiguration configuration) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Modules:Meetings:SeedDemoData", false) || await db.Meetings.AnyAsync(cancellationToken))
        {
            return;
        }

        var ministries = (await directory.GetMinistriesAsync(cancellationToken)).ToDictionary(m => m.Code);
        var facilitators = await directory.GetPeopleAsync(null, Roles.Facilitator, cancellationToken);
        var facilitator = facilitators.Count > 0 ? facilitators[0] : null;
        if (!ministries.TryGetValue("KMD", out var kmd) || facilitator is null)
        {
            return;
        }

        var contacts = await directory.GetPeopleAsync(null, Roles.ContactPerson, cancellationToken);
        var now = clock.UtcNow;

        var kickOff = Meeting(MeetingKind.KickOff, "Oppstartsmøte med alle departementene", Local(2018, 5, 25, 9), Local(2018, 5, 25, 12), "Akersgata 59, Oslo", null, kmd, facilitator, MeetingStatus.Closed, published: true,
            ["Velkommen og bakgrunn", "Departementenes rolle i innovasjonsarbeidet", "Veien videre"]);
        kickOff.Participants.AddRange(ministries.Values.Select(m => new MeetingParticipant { MeetingId = kickOff.Id, Kind = ParticipantKind.Ministry, MinistryId = m.Id, Name = m.Code }));
        AddEntry(kickOff, 1, EntryKind.Decision, "Stortingsmeldingen skrives sammen med sektorene, ikke av noen få eksperter i departementet.", facilitator, kickOff.StartsAt.AddMinutes(40));
        AddEntry(kickOff, 2, EntryKind.Note, "Departementene styrer virksomhetene sine og må også fornye sin egen virksomhet.", facilitator, kickOff.StartsAt.AddMinutes(70));

        var dialogue = Meeting(MeetingKind.Dialogue, "Dialogmøte med leverandører om prosessbistand", Local(2018, 3, 20, 13), Local(2018, 3, 20, 15), "Kvartalet, Oslo", "https://example.no/opptak/dialogmote", kmd, facilitator, MeetingStatus.Closed, published: true,
            ["Om anskaffelsen", "Innspill fra leverandørene"]);
        dialogue.Participants.Add(new MeetingParticipant { MeetingId = dialogue.Id, Kind = ParticipantKind.Organisation, Name = "Eksempel Rådgivning AS" });
        var feedback = AddEntry(dialogue, 2, EntryKind.Feedback, "Involver innbyggerne tidlig, og tilby en-til-en-møter.", facilitator, dialogue.StartsAt.AddMinutes(50));
        feedback.OrganisationName = "Eksempel Rådgivning AS";

        var workshop = Meeting(MeetingKind.Workshop, "Verksted: kultur for innovasjon", now.AddMinutes(-30), now.AddHours(2), null, "https://example.no/verksted", kmd, facilitator, MeetingStatus.Live, published: false,
            ["Erfaringer fra sektorene", "Hva hindrer innovasjon?", "Oppfølging"]);
        workshop.Participants.AddRange(contacts.Select(c => new MeetingParticipant { MeetingId = workshop.Id, Kind = ParticipantKind.Person, PersonId = c.Id, Name = c.Name }));
        if (contacts.Count > 0)
        {
            var owner = contacts[0];
            var action = AddEntry(workshop, 3, EntryKind.ActionItem, "Samle eksempler på forsøk fra egen sektor.", facilitator, now.AddMinutes(-10));
            (action.OwnerPersonId, action.OwnerName, action.DueDate, action.ActionStatus) = (owner.Id, owner.Name, Oslo.DateOf(now).AddDays(14), ActionStatus.Open);
        }

        var oneToOne = Meeting(MeetingKind.OneToOne, "En-til-en-møte med leverandør", now.AddDays(7), now.AddDays(7).AddHours(1), "Akersgata 59, Oslo", null, kmd, facilitator, MeetingStatus.Planned, published: false,
            ["Leverandørens innspill"]);

        db.Meetings.AddRange(kickOff, dialogue, workshop, oneToOne);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Meeting Meeting(
        MeetingKind kind, string title, DateTimeOffset start, DateTimeOffset end, string? place, string? link, MinistryInfo organiser, PersonInfo facilitator,
        MeetingStatus status, bool published, string[] agenda)
    {
        var meeting = new Meeting
        {
            Kind = kind, Title = title, StartsAt = start, EndsAt = end, Place = place, OnlineLink = link,
            OrganisingMinistryId = organiser.Id, OrganisingMinistryCode = organiser.Code, Status = status, Published = published, MinutesPublished = published, UpdatedAt = start,
        };
        meeting.Facilitators.Add(new MeetingFacilitator { MeetingId = meeting.Id, PersonId = facilitator.Id, Name = facilitator.Name });
        meeting.Agenda.AddRange(agenda.Select((a, n) => new AgendaItem { MeetingId = meeting.Id, Position = n + 1, Title = a }));
        return meeting;
    }

    private MeetingEntry AddEntry(Meeting meeting, int agendaPosition, EntryKind kind, string text, PersonInfo author, DateTimeOffset at)
    {
        var entry = new MeetingEntry
        {
            MeetingId = meeting.Id, AgendaItemId = meeting.Agenda.First(a => a.Position == agendaPosition).Id, Kind = kind, Text = text,
            AuthorPersonId = author.Id, AuthorName = author.Name, CreatedAt = at, UpdatedAt = at,
        };
        db.Entries.Add(entry);
        return entry;
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Oslo.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
