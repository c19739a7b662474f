using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;

namespace Samordning.Tests.Links;

// Issue 16, point 2: meetings, decisions, action items and input link to initiatives (API and page forms), links
// outside the person's scope are refused with the field named, and the initiative's and the workstream's pages list
// what is linked, only as far as the reader may read it.
public sealed partial class InitiativeLinksTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly LinkTestData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateMeeting_WithInitiative_LinkReturnedAndShownOnTheMeetingPage()
    {
        var initiative = await data.InitiativeAsync("FIN");

        var meeting = await data.LiveMeetingAsync("Møte med tiltak", [initiative.Id]);

        Assert.Equal([initiative.Id], meeting.InitiativeIds);
        var page = await data.PageAsync(People.Coordinator, $"/moter/{meeting.Id}");
        Assert.Contains($"<a class=\"ds-link\" href=\"/arbeidsstrommer/tiltak/{initiative.Id}\">FIN: {initiative.Title}</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateMeeting_StaleVersion_409AndLinksUnchanged()
    {
        var first = await data.InitiativeAsync("FIN");
        var second = await data.InitiativeAsync("HOD");
        var meeting = await data.LiveMeetingAsync("Møte som endres", [first.Id]);
        var request = await MeetingTestData.RequestAsync(factory) with { InitiativeIds = [second.Id], Version = meeting.Version - 1 };

        var response = await factory.CreateClientAs(People.Coordinator).PutAsJsonAsync($"/api/meetings/{meeting.Id}", request, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var current = await Problem.ReadOkAsync<MeetingDetails>(await factory.CreateClientAs(People.Coordinator).GetAsync($"/api/meetings/{meeting.Id}", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal([first.Id], current.InitiativeIds);
    }

    [Fact]
    public async Task AddEntry_UnknownInitiativeAndWorkstream_400NamingBothFields()
    {
        var meeting = await data.LiveMeetingAsync("Møte med ukjente lenker");

        var response = await factory.CreateClientAs(MeetingTestData.Facilitator).PostAsJsonAsync(
            $"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.Decision, "Vi bestemmer.", WorkstreamId: Guid.NewGuid(), InitiativeId: Guid.NewGuid()), Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Et tiltak finnes ikke eller kan ikke knyttes til av deg. Velg blant tiltakene i listen."], errors["InitiativeId"]);
        Assert.Contains("WorkstreamId", errors.Keys);
    }

    [Fact]
    public async Task RecordInput_ContactPersonLinksAnotherMinistrysInitiative_400NamingInitiativeIds()
    {
        var hods = await data.InitiativeAsync("HOD");
        var client = factory.CreateClientAs(People.ContactPersonFin);

        var response = await client.PostAsJsonAsync("/api/feedback/items?culture=en-GB", RegisterApi.Record() with { InitiativeIds = [hods.Id] }, FeedbackFixture.Json, Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["An initiative does not exist or is not one you may link to. Choose among the initiatives in the list."], errors["InitiativeIds"]);
    }

    [Fact]
    public async Task RecordInput_ContactPersonLinksOwnMinistrysInitiative_Linked()
    {
        var fins = await data.InitiativeAsync("FIN");

        var item = await data.InputAsync(People.ContactPersonFin, "Finansforbundet", [fins.Id]);

        Assert.Equal([fins.Id], item.InitiativeIds);
    }

    [Fact]
    public async Task RecordPage_ContactPerson_PickerOffersOnlyOwnMinistrysInitiatives()
    {
        var fins = await data.InitiativeAsync("FIN");
        var hods = await data.InitiativeAsync("HOD");

        var page = await data.PageAsync(People.ContactPersonFin, "/innspillsregister/ny");

        var picker = Regex.Match(page, "<select[^>]*name=\"Input.InitiativeIds\"[^>]*>.*?</select>", RegexOptions.Singleline).Value;
        Assert.Contains("multiple=\"multiple\"", picker, StringComparison.Ordinal);
        Assert.Contains($"value=\"{fins.Id}\"", picker, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{hods.Id}\"", picker, StringComparison.Ordinal);
        Assert.Contains("<label class=\"ds-label\" for=\"Input_InitiativeIds\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessPage_PostWithoutScript_LinksTheInitiative()
    {
        var initiative = await data.InitiativeAsync("KD");
        var item = await data.InputAsync(People.Coordinator, "Skjemaforeningen");
        var client = factory.CreateClientAs(People.Coordinator);
        var form = await client.GetStringAsync($"/innspillsregister/{item.Id}", Ct);

        var response = await client.PostAsync($"/innspillsregister/{item.Id}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", AntiforgeryToken().Match(form).Groups[1].Value),
            new("Input.Version", item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Status", "BeingAssessed"),
            new("Input.InitiativeIds", initiative.Id.ToString()),
        ]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await data.PageAsync(People.Coordinator, $"/innspillsregister/{item.Id}");
        Assert.Contains($"href=\"/arbeidsstrommer/tiltak/{initiative.Id}\">KD: {initiative.Title}</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryForm_DecisionWithInitiative_SavedWithoutScript()
    {
        var initiative = await data.InitiativeAsync("FIN");
        var meeting = await data.LiveMeetingAsync("Møte med skjema");
        var client = factory.CreateClientAs(MeetingTestData.Facilitator);
        var form = await client.GetStringAsync($"/moter/{meeting.Id}", Ct);
        Assert.Contains("<label class=\"ds-label\" for=\"Entry_InitiativeId\">", form, StringComparison.Ordinal);

        var response = await client.PostAsync($"/moter/{meeting.Id}?handler=Entry", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", AntiforgeryToken().Match(form).Groups[1].Value),
            new("Entry.Kind", "Decision"),
            new("Entry.Text", "Beslutning fra skjemaet"),
            new("Entry.InitiativeId", initiative.Id.ToString()),
        ]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await Problem.ReadOkAsync<List<EntryView>>(await client.GetAsync($"/api/meetings/{meeting.Id}/entries", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal(initiative.Id, Assert.Single(entries, e => e.Text == "Beslutning fra skjemaet").InitiativeId);
    }

    [Fact]
    public async Task InitiativePage_LinkedItems_EachReaderSeesOnlyWhatTheyMayRead()
    {
        var initiative = await data.InitiativeAsync("HOD");
        var meeting = await data.LiveMeetingAsync($"Møte om HOD-tiltaket {Guid.NewGuid():N}");
        await data.EntryAsync(meeting.Id, new EntryRequest(EntryKind.Decision, "Beslutning om tiltaket", InitiativeId: initiative.Id));
        await data.ActionItemAsync(meeting.Id, "Oppfølging av tiltaket", initiativeId: initiative.Id);
        var input = await data.InputAsync(People.ContactPersonHod, "Helseforeningen", [initiative.Id]);
        var url = $"/arbeidsstrommer/tiltak/{initiative.Id}";

        var coordinator = await data.PageAsync(People.Coordinator, url);
        var fin = await data.PageAsync(People.ContactPersonFin, url);
        var hod = await data.PageAsync(People.ContactPersonHod, url);

        Assert.Contains(meeting.Title, LinkTestData.Section(coordinator, "linked-mater"), StringComparison.Ordinal);
        Assert.Contains("Beslutning om tiltaket", LinkTestData.Section(coordinator, "linked-beslutninger"), StringComparison.Ordinal);
        Assert.Contains("Oppfølging av tiltaket", LinkTestData.Section(coordinator, "linked-oppfolging"), StringComparison.Ordinal);
        Assert.Contains(input.Reference, LinkTestData.Section(coordinator, "linked-innspill"), StringComparison.Ordinal);

        // FIN takes part in the meeting but may not see HOD's input; HOD may see its input but not the meeting.
        Assert.Contains("Beslutning om tiltaket", fin, StringComparison.Ordinal);
        Assert.DoesNotContain(input.Reference, fin, StringComparison.Ordinal);
        Assert.Contains(input.Reference, hod, StringComparison.Ordinal);
        Assert.DoesNotContain(meeting.Title, hod, StringComparison.Ordinal);
        Assert.DoesNotContain("Beslutning om tiltaket", hod, StringComparison.Ordinal);
        Assert.DoesNotContain("Oppfølging av tiltaket", hod, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkstreamPage_GathersInitiativesMeetingsDecisionsActionItemsAndInput()
    {
        var workstream = await data.Workstreams.CreateWorkstreamAsync();
        var initiative = await data.InitiativeAsync("FIN", [workstream.Id]);
        var meeting = await data.LiveMeetingAsync($"Møte i arbeidsstrømmen {Guid.NewGuid():N}", workstreamIds: [workstream.Id]);
        await data.EntryAsync(meeting.Id, new EntryRequest(EntryKind.Decision, "Kapittelet får tre deler"));
        await data.ActionItemAsync(meeting.Id, "Skriv utkast til kapittelet");
        var input = await data.InputAsync(People.Coordinator, "Kapittelforeningen", [initiative.Id]);
        var other = await data.InputAsync(People.Coordinator, "Uvedkommende forening");

        var page = await data.PageAsync(People.Coordinator, $"/arbeidsstrommer/{workstream.Id}");

        Assert.Contains($"<h1 class=\"ds-heading\" data-size=\"lg\">{workstream.TitleNb}</h1>", page, StringComparison.Ordinal);
        Assert.Contains(initiative.Title, LinkTestData.Section(page, "linked-tiltak"), StringComparison.Ordinal);
        Assert.Contains(meeting.Title, LinkTestData.Section(page, "linked-mater"), StringComparison.Ordinal);
        Assert.Contains("Kapittelet får tre deler", LinkTestData.Section(page, "linked-beslutninger"), StringComparison.Ordinal);
        Assert.Contains("Skriv utkast til kapittelet", LinkTestData.Section(page, "linked-oppfolging"), StringComparison.Ordinal);
        Assert.Contains(input.Reference, LinkTestData.Section(page, "linked-innspill"), StringComparison.Ordinal);
        Assert.DoesNotContain(other.Reference, page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
