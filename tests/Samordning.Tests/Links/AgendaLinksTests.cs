using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Samordning.Meetings.Agenda;
using Samordning.Meetings.Meetings;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;

namespace Samordning.Tests.Links;

// Issue 16, point 2 for agenda items: each item of a meeting's agenda links to a workstream and an initiative of its
// own (API and page), refused with the field named, only by those who manage the meeting; the initiative's and the
// workstream's pages list it under its meeting, only for those who may read the meeting.
public sealed partial class AgendaLinksTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly LinkTestData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinkAgendaItem_WorkstreamAndInitiative_ListedUnderItsMeetingOnBothPages()
    {
        var workstream = await data.Workstreams.CreateWorkstreamAsync();
        var initiative = await data.InitiativeAsync("FIN");
        var meeting = await data.LiveMeetingAsync($"Møte med dagsorden {Guid.NewGuid():N}");
        var (item, other) = (meeting.Agenda[0], meeting.Agenda[1]);

        var linked = await LinkAsync(MeetingTestData.Facilitator, meeting, item.Id, new AgendaLinksRequest(workstream.Id, initiative.Id, meeting.Version));

        var saved = Assert.Single(linked.Agenda, a => a.Id == item.Id);
        Assert.Equal((workstream.Id, initiative.Id), (saved.WorkstreamId, saved.InitiativeId));
        Assert.Equal(meeting.Version + 1, linked.Version);
        foreach (var url in new[] { $"/arbeidsstrommer/tiltak/{initiative.Id}", $"/arbeidsstrommer/{workstream.Id}" })
        {
            var section = LinkTestData.Section(await data.PageAsync(People.Coordinator, url), "linked-dagsorden");
            Assert.Contains($"href=\"/moter/{meeting.Id}#dagsorden-{item.Id}\">{item.Title}</a>", section, StringComparison.Ordinal);
            Assert.Contains($"Møte: {meeting.Title}", section, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Title, section, StringComparison.Ordinal);
        }

        var meetingPage = await data.PageAsync(People.Coordinator, $"/moter/{meeting.Id}");
        Assert.Contains($"href=\"/arbeidsstrommer/tiltak/{initiative.Id}\">FIN: {initiative.Title}</a>", meetingPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkAgendaItem_UnknownWorkstreamAndInitiative_400NamingBothFields()
    {
        var meeting = await data.LiveMeetingAsync("Møte med ukjente lenker på dagsorden");

        var response = await factory.CreateClientAs(MeetingTestData.Facilitator).PutAsJsonAsync(
            $"/api/meetings/{meeting.Id}/agenda/{meeting.Agenda[0].Id}/links", new AgendaLinksRequest(Guid.NewGuid(), Guid.NewGuid(), meeting.Version), Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Et tiltak finnes ikke eller kan ikke knyttes til av deg. Velg blant tiltakene i listen."], errors["InitiativeId"]);
        Assert.Equal(["Arbeidsstrømmen finnes ikke. Velg blant arbeidsstrømmene i listen."], errors["WorkstreamId"]);
    }

    [Fact]
    public async Task LinkAgendaItem_ContactPersonOfAnotherMinistry_403AndCannotSeeTheLinkedItem()
    {
        var initiative = await data.InitiativeAsync("HOD");
        var meeting = await data.LiveMeetingAsync($"Møte HOD ikke kan lese {Guid.NewGuid():N}");
        var item = meeting.Agenda[0];

        var refused = await factory.CreateClientAs(People.ContactPersonHod).PutAsJsonAsync(
            $"/api/meetings/{meeting.Id}/agenda/{item.Id}/links", new AgendaLinksRequest(null, initiative.Id, meeting.Version), Ct);
        await LinkAsync(MeetingTestData.Facilitator, meeting, item.Id, new AgendaLinksRequest(null, initiative.Id, meeting.Version));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var url = $"/arbeidsstrommer/tiltak/{initiative.Id}";
        Assert.Contains(item.Title, LinkTestData.Section(await data.PageAsync(People.ContactPersonFin, url), "linked-dagsorden"), StringComparison.Ordinal);
        Assert.DoesNotContain(item.Title, LinkTestData.Section(await data.PageAsync(People.ContactPersonHod, url), "linked-dagsorden"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkAgendaItem_StaleVersion_409AndLinkUnchanged()
    {
        var initiative = await data.InitiativeAsync("FIN");
        var meeting = await data.LiveMeetingAsync("Møte som endres på dagsorden");

        var response = await factory.CreateClientAs(MeetingTestData.Facilitator).PutAsJsonAsync(
            $"/api/meetings/{meeting.Id}/agenda/{meeting.Agenda[0].Id}/links", new AgendaLinksRequest(null, initiative.Id, meeting.Version - 1), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var current = await Problem.ReadOkAsync<MeetingDetails>(await factory.CreateClientAs(People.Coordinator).GetAsync($"/api/meetings/{meeting.Id}", Ct), HttpStatusCode.OK, Ct);
        Assert.Null(current.Agenda[0].InitiativeId);
    }

    [Fact]
    public async Task AgendaPage_PostWithoutScript_LinksTheItemAndRefusesWithTheFieldNamed()
    {
        var initiative = await data.InitiativeAsync("KD");
        var meeting = await data.LiveMeetingAsync("Møte med dagsordenskjema");
        var item = meeting.Agenda[1];
        var client = factory.CreateClientAs(MeetingTestData.Facilitator);
        var url = $"/moter/{meeting.Id}/dagsorden";
        var form = await client.GetStringAsync(url, Ct);
        Assert.Contains("<label class=\"ds-label\" for=\"punkt-2-tiltak\">", form, StringComparison.Ordinal);

        var invalid = await client.PostAsync(url, Form(form, item.Id, meeting.Version, Guid.NewGuid()), Ct);
        var invalidPage = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync(Ct));
        var saved = await client.PostAsync(url, Form(form, item.Id, meeting.Version, initiative.Id), Ct);

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("<p class=\"ds-validation-message\" id=\"punkt-2-tiltak-error\">Et tiltak finnes ikke", invalidPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var current = await Problem.ReadOkAsync<MeetingDetails>(await client.GetAsync($"/api/meetings/{meeting.Id}", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal(initiative.Id, current.Agenda[1].InitiativeId);
        Assert.Contains($"href=\"{url}\"", await client.GetStringAsync($"/moter/{meeting.Id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgendaPage_ContactPerson_Forbidden()
    {
        var meeting = await data.LiveMeetingAsync("Møte kontaktpersonen ikke leder");

        var response = await factory.CreateClientAs(People.ContactPersonFin).GetAsync($"/moter/{meeting.Id}/dagsorden", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<MeetingDetails> LinkAsync(string email, MeetingDetails meeting, Guid itemId, AgendaLinksRequest request)
    {
        var response = await factory.CreateClientAs(email).PutAsJsonAsync($"/api/meetings/{meeting.Id}/agenda/{itemId}/links", request, Ct);
        return await Problem.ReadOkAsync<MeetingDetails>(response, HttpStatusCode.OK, Ct);
    }

    private static FormUrlEncodedContent Form(string page, Guid itemId, long version, Guid initiativeId) => new(
    [
        new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value),
        new("Link.ItemId", itemId.ToString()),
        new("Link.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Link.WorkstreamId", ""),
        new("Link.InitiativeId", initiativeId.ToString()),
    ]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
