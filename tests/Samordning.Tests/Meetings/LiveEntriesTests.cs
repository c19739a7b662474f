using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Shared.Live;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

public sealed class LiveEntriesTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddEntry_LiveMeeting_StoredThenOnTopicInOrder()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);

        var first = await WriteAsync(facilitator, meeting.Id, "Første notat");
        var second = await WriteAsync(facilitator, meeting.Id, "Andre notat", EntryKind.Decision);

        var stored = await factory.CreateClientAs(ParticipantFin).GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct);
        Assert.Equal([first.Id, second.Id], stored!.Select(e => e.Id));
        var items = await CatchUpAsync(ParticipantFin, meeting.Id, 0);
        var entries = items.Where(i => i.Type == "meetings.entry").ToList();
        Assert.Equal(["Første notat", "Andre notat"], entries.Select(i => Payload(i).GetProperty("text").GetString()));
        Assert.Equal("Decision", Payload(entries[1]).GetProperty("kind").GetString());
        Assert.Equal(Enumerable.Range(1, items.Count).Select(n => (long)n), items.Select(i => i.Sequence));
    }

    [Fact]
    public async Task CatchUp_AfterLastSeen_OnlyLaterEntriesInOrder()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        await WriteAsync(facilitator, meeting.Id, "sett");
        var seen = (await CatchUpAsync(ParticipantHod, meeting.Id, 0)).Max(i => i.Sequence);
        foreach (var text in new[] { "tapt 1", "tapt 2", "tapt 3" })
        {
            await WriteAsync(facilitator, meeting.Id, text);
        }

        var missed = await CatchUpAsync(ParticipantHod, meeting.Id, seen);

        Assert.Equal(["tapt 1", "tapt 2", "tapt 3"], missed.Select(i => Payload(i).GetProperty("text").GetString()));
        Assert.Equal([seen + 1, seen + 2, seen + 3], missed.Select(i => i.Sequence));
    }

    [Fact]
    public async Task AddEntry_TwoFacilitatorsAtOnce_NothingLostEverySequenceOnce()
    {
        var coordinatorId = await factory.PersonIdAsync(People.Coordinator, Ct);
        var meeting = await CreateLiveAsync(factory, r => r with { FacilitatorIds = [.. r.FacilitatorIds!, coordinatorId] });
        var sigrid = factory.CreateClientAs(Facilitator);
        var kari = factory.CreateClientAs(People.Coordinator);

        await Task.WhenAll(
            Task.WhenAll(Enumerable.Range(1, 15).Select(n => WriteAsync(sigrid, meeting.Id, $"S{n}"))),
            Task.WhenAll(Enumerable.Range(1, 15).Select(n => WriteAsync(kari, meeting.Id, $"K{n}"))));

        var stored = await sigrid.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct);
        Assert.Equal(30, stored!.Select(e => e.Text).Distinct().Count());
        var items = (await CatchUpAsync(ParticipantFin, meeting.Id, 0)).Where(i => i.Type == "meetings.entry").ToList();
        Assert.Equal(30, items.Select(i => Payload(i).GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(items.Select(i => i.Sequence).Order(), items.Select(i => i.Sequence));
        Assert.Equal(items.Count, items.Select(i => i.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task AddEntry_NonFacilitator_ForbiddenProblemWithReason()
    {
        var meeting = await CreateLiveAsync(factory);

        foreach (var email in new[] { People.Coordinator, ParticipantFin })
        {
            var response = await factory.CreateClientAs(email).PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.Note, "Ikke lov"), Ct);
            var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
            Assert.Contains("møtelederne", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty((await factory.CreateClientAs(Facilitator).GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct))!);
    }

    [Fact]
    public async Task AddEntry_ClosedMeeting_ForbiddenAndEarlierEntriesKept()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        await WriteAsync(facilitator, meeting.Id, "Skrevet mens møtet pågikk");
        await SetStatusAsync(factory, meeting, MeetingStatus.Closed);

        var response = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.Note, "For sent"), Ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
        Assert.Contains("avsluttet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var entries = await facilitator.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct);
        Assert.Equal(["Skrevet mens møtet pågikk"], entries!.Select(e => e.Text));
    }

    [Fact]
    public async Task AddEntry_PlannedMeeting_Forbidden()
    {
        var meeting = await CreateAsync(factory);

        var response = await factory.CreateClientAs(Facilitator).PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.Note, "For tidlig"), Ct);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task AddEntry_TooLongAndActionWithoutOwner_FieldErrors()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);

        var tooLong = await Problem.ReadErrorsAsync(await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.Note, new string('a', EntryRules.MaxTextLength + 1)), Ct), Ct);
        var action = await Problem.ReadErrorsAsync(await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.ActionItem, "Gjør noe", AgendaItemId: Guid.NewGuid()), Ct), Ct);

        Assert.Contains($"høyst {EntryRules.MaxTextLength} tegn", tooLong["Text"][0], StringComparison.Ordinal);
        Assert.Equal(["AgendaItemId", "DueDate", "OwnerPersonId"], action.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MeetingPage_ScriptInEntry_RenderedAsInertText()
    {
        var meeting = await CreateLiveAsync(factory);
        const string attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        await WriteAsync(factory.CreateClientAs(Facilitator), meeting.Id, attack);

        var html = await factory.CreateClientAs(ParticipantFin).GetStringAsync($"/moter/{meeting.Id}", Ct);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_StaleVersion_ConflictAndHistoryKept()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        var entry = await WriteAsync(facilitator, meeting.Id, "Opprinnelig");
        var corrected = await Problem.ReadOkAsync<EntryView>(
            await facilitator.PutAsJsonAsync($"/api/meetings/{meeting.Id}/entries/{entry.Id}", new EntryRequest(EntryKind.Note, "Rettet", Version: entry.Version), Ct), HttpStatusCode.OK, Ct);

        var stale = await facilitator.PutAsJsonAsync($"/api/meetings/{meeting.Id}/entries/{entry.Id}", new EntryRequest(EntryKind.Note, "Utdatert", Version: entry.Version), Ct);
        var withdrawn = await Problem.ReadOkAsync<EntryView>(
            await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries/{entry.Id}/withdraw", new WithdrawRequest(corrected.Version), Ct), HttpStatusCode.OK, Ct);

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        Assert.Equal("Rettet", problem.GetProperty("current").GetProperty("text").GetString());
        Assert.True(withdrawn.Withdrawn);
        var history = await facilitator.GetFromJsonAsync<List<RevisionView>>($"/api/meetings/{meeting.Id}/entries/{entry.Id}/history", Ct);
        Assert.Equal([(0L, "Opprinnelig", false), (1L, "Rettet", false), (2L, "Rettet", true)], history!.Select(r => (r.Version, r.Text, r.Withdrawn)));
        var live = (await CatchUpAsync(ParticipantFin, meeting.Id, 0)).Where(i => i.Type == "meetings.entry").Select(Payload).ToList();
        Assert.Equal([0L, 1L, 2L], live.Select(p => p.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Topic_PersonNotTakingPart_Refused()
    {
        var meeting = await CreateLiveAsync(factory);

        await Problem.ReadAsync(await factory.CreateClientAs(Outsider).GetAsync($"/api/live?topic=meeting:{meeting.Id}&after=0", Ct), HttpStatusCode.Forbidden, Ct);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClientAs(People.Observer).GetAsync($"/api/live?topic=meeting:{meeting.Id}&after=0", Ct)).StatusCode);
    }

    [Fact]
    public async Task MeetingPage_EntryFormPost_StoresAndRedirects()
    {
        var meeting = await CreateLiveAsync(factory);
        var client = factory.CreateClientAs(Facilitator);
        var page = await client.GetStringAsync($"/moter/{meeting.Id}", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync($"/moter/{meeting.Id}?handler=Entry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Entry.Kind"] = "Question",
            ["Entry.Text"] = "Hvem eier dataene?",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await client.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct);
        Assert.Equal([(EntryKind.Question, "Hvem eier dataene?")], entries!.Select(e => (e.Kind, e.Text)));
    }

    [Fact]
    public async Task MeetingPage_EntryFormPostInClosedMeeting_ForbiddenWithReasonAndNothingStored()
    {
        var meeting = await CreateLiveAsync(factory);
        var client = factory.CreateClientAs(Facilitator);
        var page = await client.GetStringAsync($"/moter/{meeting.Id}", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await SetStatusAsync(factory, meeting, MeetingStatus.Closed);

        var response = await client.PostAsync($"/moter/{meeting.Id}?handler=Entry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Entry.Kind"] = "Note",
            ["Entry.Text"] = "Skrevet i en fane som sto åpen",
        }), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Møtet er avsluttet", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct))!);
    }

    private async Task<List<LiveItem>> CatchUpAsync(string email, Guid meetingId, long after) =>
        await Problem.ReadOkAsync<List<LiveItem>>(
            await factory.CreateClientAs(email).GetAsync($"/api/live?topic=meeting:{meetingId}&after={after}", Ct), HttpStatusCode.OK, Ct);

    private static JsonElement Payload(LiveItem item) => JsonDocument.Parse(item.Payload).RootElement.Clone();
}
