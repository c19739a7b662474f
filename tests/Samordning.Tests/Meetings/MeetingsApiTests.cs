using System.Net;
using System.Net.Http.Json;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

public sealed class MeetingsApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_Coordinator_CreatedWithParticipantsAgendaAndTimes()
    {
        var meeting = await CreateAsync(factory);

        var read = await Problem.ReadOkAsync<MeetingDetails>(await factory.CreateClientAs(ParticipantFin).GetAsync($"/api/meetings/{meeting.Id}", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal("Verksted om forsøk", read.Title);
        Assert.Equal(MeetingStatus.Planned, read.Status);
        Assert.Equal(new DateTimeOffset(2030, 6, 14, 8, 0, 0, TimeSpan.Zero), read.StartsAt);
        Assert.Equal(["Erfaringer", "Veien videre"], read.Agenda.Select(a => a.Title));
        Assert.Contains(read.Participants, p => p is { Kind: ParticipantKind.Organisation, Name: "Forskning AS", OrganisationNumber: FakeOrganisationNumbers.Valid });
        Assert.Single(read.Facilitators);
        Assert.Single(read.WorkstreamIds);
    }

    [Fact]
    public async Task Create_ContactPerson_ForbiddenProblem()
    {
        var request = await RequestAsync(factory);

        var response = await factory.CreateClientAs(ParticipantFin).PostAsJsonAsync("/api/meetings", request, Ct);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Create_FacilitatorNotAmongFacilitators_FieldError()
    {
        var request = await RequestAsync(factory) with { FacilitatorIds = [await factory.PersonIdAsync(People.Coordinator, Ct)] };

        var errors = await Problem.ReadErrorsAsync(await factory.CreateClientAs(Facilitator).PostAsJsonAsync("/api/meetings", request, Ct), Ct);

        Assert.Contains("FacilitatorIds", errors.Keys);
    }

    [Fact]
    public async Task Create_BadInput_EveryFieldNamedAndNothingSaved()
    {
        var request = await RequestAsync(factory) with
        {
            Title = " ",
            EndsAt = new DateTimeOffset(2030, 6, 14, 7, 0, 0, TimeSpan.Zero),
            OnlineLink = "javascript:alert(1)",
            OrganisingMinistryId = Guid.NewGuid(),
            FacilitatorIds = [],
            Participants = [new(ParticipantKind.Organisation, null, null, "Feil AS", FakeOrganisationNumbers.WrongCheckDigit)],
        };
        var client = factory.CreateClientAs(People.Coordinator);
        var before = await client.GetFromJsonAsync<List<MeetingSummary>>("/api/meetings", Ct);

        var errors = await Problem.ReadErrorsAsync(await client.PostAsJsonAsync("/api/meetings", request, Ct), Ct);

        Assert.Equal(
            ["EndsAt", "FacilitatorIds", "OnlineLink", "OrganisingMinistryId", "Participants", "Title"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("kontrollsiffer", errors["Participants"][0], StringComparison.Ordinal);
        Assert.Equal(before!.Count, (await client.GetFromJsonAsync<List<MeetingSummary>>("/api/meetings", Ct))!.Count);
    }

    [Fact]
    public async Task Update_StaleVersion_ConflictWithCurrentState()
    {
        var meeting = await CreateAsync(factory);
        var client = factory.CreateClientAs(Facilitator);
        var request = await RequestAsync(factory);
        var first = await client.PutAsJsonAsync($"/api/meetings/{meeting.Id}", request with { Title = "Først", Version = meeting.Version }, Ct);
        await Problem.ReadOkAsync<MeetingDetails>(first, HttpStatusCode.OK, Ct);

        var stale = await client.PutAsJsonAsync($"/api/meetings/{meeting.Id}", request with { Title = "Sist", Version = meeting.Version }, Ct);

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal("Først", problem.GetProperty("current").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_KeepsAgendaIdsAndAttendance()
    {
        var meeting = await CreateAsync(factory);
        var participant = meeting.Participants.First(p => p.Kind == ParticipantKind.Person);
        var client = factory.CreateClientAs(Facilitator);
        var marked = await client.PutAsJsonAsync($"/api/meetings/{meeting.Id}/participants/{participant.Id}/attendance", new AttendanceRequest(true), Ct);
        var current = await Problem.ReadOkAsync<MeetingDetails>(marked, HttpStatusCode.OK, Ct);
        var request = await RequestAsync(factory) with
        {
            Agenda = [new(current.Agenda[1].Id, "Veien videre"), new(null, "Eventuelt")],
            Version = current.Version,
        };

        var updated = await Problem.ReadOkAsync<MeetingDetails>(await client.PutAsJsonAsync($"/api/meetings/{meeting.Id}", request, Ct), HttpStatusCode.OK, Ct);

        Assert.Equal(current.Agenda[1].Id, updated.Agenda[0].Id);
        Assert.Equal(["Veien videre", "Eventuelt"], updated.Agenda.Select(a => a.Title));
        Assert.True(updated.Participants.Single(p => p.Id == participant.Id).Attended);
    }

    [Fact]
    public async Task Read_PersonNotTakingPart_ForbiddenAndNotListed()
    {
        var meeting = await CreateAsync(factory);
        var outsider = factory.CreateClientAs(Outsider);

        await Problem.ReadAsync(await outsider.GetAsync($"/api/meetings/{meeting.Id}", Ct), HttpStatusCode.Forbidden, Ct);
        var listed = await outsider.GetFromJsonAsync<List<MeetingSummary>>("/api/meetings", Ct);
        Assert.DoesNotContain(listed!, m => m.Id == meeting.Id);
    }

    [Fact]
    public async Task Register_Observer_AddedAsRegisteredParticipantOnce()
    {
        var meeting = await CreateAsync(factory);
        var observer = factory.CreateClientAs(People.Observer);

        await observer.PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct);
        var again = await Problem.ReadOkAsync<MeetingDetails>(await observer.PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct), HttpStatusCode.OK, Ct);

        var observerId = await factory.PersonIdAsync(People.Observer, Ct);
        var registered = Assert.Single(again.Participants, p => p.PersonId == observerId);
        Assert.NotNull(registered.RegisteredAt);
    }

    [Fact]
    public async Task Attendance_Participant_Forbidden()
    {
        var meeting = await CreateAsync(factory);
        var participant = meeting.Participants.First(p => p.Kind == ParticipantKind.Person);

        var response = await factory.CreateClientAs(ParticipantFin).PutAsJsonAsync($"/api/meetings/{meeting.Id}/participants/{participant.Id}/attendance", new AttendanceRequest(true), Ct);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Status_StaleVersion_Conflict()
    {
        var meeting = await CreateAsync(factory);
        await SetStatusAsync(factory, meeting, MeetingStatus.Live);

        var response = await factory.CreateClientAs(Facilitator).PostAsJsonAsync($"/api/meetings/{meeting.Id}/status", new StatusRequest(MeetingStatus.Closed, null, meeting.Version), Ct);

        await Problem.ReadAsync(response, HttpStatusCode.Conflict, Ct);
    }

    [Fact]
    public async Task Pages_ListNewEditAndMeeting_RenderForFacilitator()
    {
        var meeting = await CreateAsync(factory);
        var client = factory.CreateClientAs(Facilitator);

        foreach (var path in new[] { "/moter", "/moter/ny", $"/moter/{meeting.Id}", $"/moter/{meeting.Id}/endre", $"/moter/{meeting.Id}/referat", $"/moter/{meeting.Id}/materiell", "/moter/oppfolging" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EditPage_ContactPerson_Forbidden()
    {
        var meeting = await CreateAsync(factory);

        var response = await factory.CreateClientAs(ParticipantFin).GetAsync($"/moter/{meeting.Id}/endre", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
