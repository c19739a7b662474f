using System.Net;
using System.Net.Http.Json;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

// Signing oneself up is for meetings that invite it (kick-offs, dialogue meetings, workshops); one-to-one and
// internal meetings take their participants from their organiser alone, so reading one is no way into it.
public sealed class RegistrationTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(nameof(MeetingKind.OneToOne))]
    [InlineData(nameof(MeetingKind.Internal))]
    public async Task Register_ObserverForAnotherMinistrysClosedKind_ForbiddenAndNotAdded(string kind)
    {
        var hod = await HodAsync();
        var meeting = await CreateLiveAsync(factory, r => r with { Kind = Enum.Parse<MeetingKind>(kind), Participants = [hod] });
        await WriteAsync(factory.CreateClientAs(Facilitator), meeting.Id, "Fortrolig notat");
        var observer = factory.CreateClientAs(People.Observer);

        var response = await observer.PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
        var observerId = await factory.PersonIdAsync(People.Observer, Ct);
        Assert.DoesNotContain((await ReadAsync(meeting.Id)).Participants, p => p.PersonId == observerId);
    }

    [Fact]
    public async Task Register_ListedParticipantOfOneToOne_Confirmed()
    {
        var hod = await HodAsync();
        var meeting = await CreateAsync(factory, r => r with { Kind = MeetingKind.OneToOne, Participants = [hod] });

        var response = await factory.CreateClientAs(ParticipantHod).PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct);

        var registered = Assert.Single((await Problem.ReadOkAsync<MeetingDetails>(response, HttpStatusCode.OK, Ct)).Participants);
        Assert.Equal(hod.PersonId, registered.PersonId);
        Assert.NotNull(registered.RegisteredAt);
    }

    [Fact]
    public async Task Register_OpenDialogueMeeting_RegisteredAndReadsTheNotes()
    {
        var meeting = await CreateLiveAsync(factory, r => r with { Kind = MeetingKind.Dialogue, Title = "Åpent dialogmøte", Published = true, Participants = [] });
        await WriteAsync(factory.CreateClientAs(Facilitator), meeting.Id, "Velkommen");
        var outsider = factory.CreateClientAs(Outsider);

        var response = await outsider.PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct);

        var outsiderId = await factory.PersonIdAsync(Outsider, Ct);
        var registered = Assert.Single((await Problem.ReadOkAsync<MeetingDetails>(response, HttpStatusCode.OK, Ct)).Participants, p => p.PersonId == outsiderId);
        Assert.NotNull(registered.RegisteredAt);
        var entries = await outsider.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct);
        Assert.Equal(["Velkommen"], entries!.Select(e => e.Text));
    }

    [Fact]
    public async Task MeetingPage_OneToOneForObserver_NoRegistrationButton_DialogueHasOne()
    {
        var hod = await HodAsync();
        var oneToOne = await CreateAsync(factory, r => r with { Kind = MeetingKind.OneToOne, Participants = [hod] });
        var dialogue = await CreateAsync(factory, r => r with { Kind = MeetingKind.Dialogue, Published = true });
        var observer = factory.CreateClientAs(People.Observer);

        var closedPage = await observer.GetStringAsync($"/moter/{oneToOne.Id}", Ct);
        var openPage = await observer.GetStringAsync($"/moter/{dialogue.Id}", Ct);

        Assert.DoesNotContain("handler=Register", closedPage, StringComparison.Ordinal);
        Assert.Contains("handler=Register", openPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingPage_RegisterPostForOneToOne_ForbiddenAndNotAdded()
    {
        var hod = await HodAsync();
        var meeting = await CreateAsync(factory, r => r with { Kind = MeetingKind.OneToOne, Participants = [hod] });
        var observer = factory.CreateClientAs(People.Observer);
        var page = await observer.GetStringAsync($"/moter/{meeting.Id}", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await observer.PostAsync($"/moter/{meeting.Id}?handler=Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var observerId = await factory.PersonIdAsync(People.Observer, Ct);
        Assert.DoesNotContain((await ReadAsync(meeting.Id)).Participants, p => p.PersonId == observerId);
    }

    private async Task<ParticipantRequest> HodAsync() =>
        new(ParticipantKind.Person, await factory.PersonIdAsync(ParticipantHod, Ct), null, null, null);

    private async Task<MeetingDetails> ReadAsync(Guid id) =>
        await Problem.ReadOkAsync<MeetingDetails>(await factory.CreateClientAs(People.Coordinator).GetAsync($"/api/meetings/{id}", Ct), HttpStatusCode.OK, Ct);
}
