using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Register;
using Samordning.Meetings.Agenda;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Notifications.Contracts;
using Samordning.Notifications.Data;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Host;

// Every route (API and page) that names a parent and a child finds the child under that parent: a child id taken
// from another parent answers 404, though the person may do the thing to the parent in the path. Access is
// checked on the parent in the path, so a child found by its id alone would leak or change another parent's data.
// The routes: `grep -rnE "Map(Get|Post|Put|Patch|Delete)" modules host`, the pages' @page routes with two ids, and
// the page handlers that take a child's id from the form.
public sealed partial class ParentChildRouteTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, Func<ParentChildRouteTests, Task<HttpResponseMessage>>> Cases = new()
    {
        // Meetings: entries, action items, participants, materials.
        ["GET /api/meetings/{id}/entries/{entryId}/history"] = t => t.AsReaderOfAAsync(c => c.Client.GetAsync($"/api/meetings/{c.A.Id}/entries/{c.EntryOfB.Id}/history", Ct)),
        ["PUT /api/meetings/{id}/entries/{entryId}"] = t => t.AsFacilitatorAsync(c => c.Client.PutAsJsonAsync(
            $"/api/meetings/{c.A.Id}/entries/{c.EntryOfB.Id}", new EntryRequest(EntryKind.Note, "Overskrevet", Version: c.EntryOfB.Version), Ct)),
        ["POST /api/meetings/{id}/entries/{entryId}/withdraw"] = t => t.AsFacilitatorAsync(c => c.Client.PostAsJsonAsync(
            $"/api/meetings/{c.A.Id}/entries/{c.EntryOfB.Id}/withdraw", new WithdrawRequest(c.EntryOfB.Version), Ct)),
        ["POST /api/meetings/{id}/entries/{entryId}/send-to-feedback"] = t => t.AsFacilitatorAsync(c => c.Client.PostAsync(
            $"/api/meetings/{c.A.Id}/entries/{c.EntryOfB.Id}/send-to-feedback", null, Ct)),
        ["PUT /api/meetings/{id}/action-items/{entryId}/status"] = t => t.AsFacilitatorAsync(c => c.Client.PutAsJsonAsync(
            $"/api/meetings/{c.A.Id}/action-items/{c.ActionOfB.Id}/status", new ActionStatusRequest(ActionStatus.Done, c.ActionOfB.Version), Ct)),
        ["PUT /api/meetings/{id}/participants/{participantId}/attendance"] = t => t.AsFacilitatorAsync(c => c.Client.PutAsJsonAsync(
            $"/api/meetings/{c.A.Id}/participants/{c.B.Participants[0].Id}/attendance", new AttendanceRequest(true), Ct)),
        ["PUT /api/meetings/{id}/agenda/{itemId}/links"] = t => t.AsFacilitatorAsync(c => c.Client.PutAsJsonAsync(
            $"/api/meetings/{c.A.Id}/agenda/{c.B.Agenda[0].Id}/links", new AgendaLinksRequest(null, null, c.A.Version), Ct)),
        ["GET /api/meetings/{id}/materials/{materialId}/file"] = t => t.AsFacilitatorAsync(async c => await c.Client.GetAsync(
            $"/api/meetings/{c.A.Id}/materials/{await t.UploadAsync(c.B.Id)}/file", Ct)),

        // Meeting pages: the note page, and the meeting page's handlers that take an entry or a participant.
        ["GET /moter/{id}/notater/{entryId}"] = t => t.AsFacilitatorAsync(c => c.Client.GetAsync($"/moter/{c.A.Id}/notater/{c.EntryOfB.Id}", Ct)),
        ["POST /moter/{id}/notater/{entryId}"] = t => t.AsFacilitatorAsync(async c => await PostFormAsync(c.Client, $"/moter/{c.A.Id}", $"/moter/{c.A.Id}/notater/{c.EntryOfB.Id}", new()
        {
            ["Entry.Kind"] = "Note", ["Entry.Text"] = "Overskrevet", ["Entry.Version"] = c.EntryOfB.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })),
        ["POST /moter/{id}?handler=Withdraw (entryId)"] = t => t.AsFacilitatorAsync(c => PostFormAsync(c.Client, $"/moter/{c.A.Id}", $"/moter/{c.A.Id}?handler=Withdraw", new()
        {
            ["entryId"] = c.EntryOfB.Id.ToString(), ["version"] = c.EntryOfB.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })),
        ["POST /moter/{id}?handler=Feedback (entryId)"] = t => t.AsFacilitatorAsync(c => PostFormAsync(c.Client, $"/moter/{c.A.Id}", $"/moter/{c.A.Id}?handler=Feedback", new()
        {
            ["entryId"] = c.EntryOfB.Id.ToString(),
        })),
        ["POST /moter/{id}?handler=Action (entryId)"] = t => t.AsFacilitatorAsync(c => PostFormAsync(c.Client, $"/moter/{c.A.Id}", $"/moter/{c.A.Id}?handler=Action", new()
        {
            ["entryId"] = c.ActionOfB.Id.ToString(), ["status"] = "Done", ["version"] = c.ActionOfB.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })),
        ["POST /moter/{id}?handler=Attendance (participantId)"] = t => t.AsFacilitatorAsync(c => PostFormAsync(c.Client, $"/moter/{c.A.Id}", $"/moter/{c.A.Id}?handler=Attendance", new()
        {
            ["participantId"] = c.B.Participants[0].Id.ToString(), ["attended"] = "true",
        })),
        ["POST /moter/oppfolging (meetingId, entryId)"] = t => t.AsFacilitatorAsync(c => PostFormAsync(c.Client, $"/moter/{c.A.Id}", "/moter/oppfolging", new()
        {
            ["meetingId"] = c.A.Id.ToString(), ["entryId"] = c.ActionOfB.Id.ToString(), ["status"] = "Done",
            ["version"] = c.ActionOfB.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })),

        // Feedback: an item's attachments.
        ["GET /api/feedback/items/{id}/attachments/{attachmentId}"] = t => t.FeedbackAttachmentOfAnotherItemAsync(),

        // Reporting rounds: the ministries and the initiatives a round asks about.
        ["GET /api/workstreams/rounds/{id}/ministries/{ministryId}/unconfirmed"] = t => t.UnconfirmedOfNoMinistryAsync(),
        ["POST /api/workstreams/rounds/{id}/initiatives/{initiativeId}/confirm"] = t => t.ConfirmNoInitiativeAsync((client, round, initiative) =>
            WorkstreamsApi.PostAsync(client, $"/api/workstreams/rounds/{round}/initiatives/{initiative}/confirm", new ConfirmRequest(null))),
        ["POST /arbeidsstrommer/runder/{id}?handler=Confirm (initiativeId)"] = t => t.ConfirmNoInitiativeAsync((client, round, initiative) =>
            PostFormAsync(client, $"/arbeidsstrommer/runder/{round}", $"/arbeidsstrommer/runder/{round}?handler=Confirm", new() { ["initiativeId"] = initiative.ToString() })),
        ["GET /arbeidsstrommer/runder/{id}/bekreft/{initiativeId}"] = t => t.ConfirmNoInitiativeAsync((client, round, initiative) =>
            client.GetAsync($"/arbeidsstrommer/runder/{round}/bekreft/{initiative}", Ct)),
        ["POST /arbeidsstrommer/runder/{id}/bekreft/{initiativeId}"] = t => t.ConfirmNoInitiativeAsync((client, round, initiative) =>
            PostFormAsync(client, $"/arbeidsstrommer/runder/{round}", $"/arbeidsstrommer/runder/{round}/bekreft/{initiative}", new() { ["Version"] = "1" })),

        // Notifications: the parent is the signed-in person.
        ["POST /api/notifications/{id}/read"] = t => t.ReadSomeoneElsesNotificationAsync(),
    };

    public static TheoryData<string> Routes => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_ChildOfAnotherParent_NotFound(string route)
    {
        var response = await Cases[route](this);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route}: expected 404, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
    }

    [Fact]
    public async Task History_NoteOfAnotherMinistrysOneToOne_NotFoundAndTextNotShown()
    {
        var meetings = await TwoMeetingsAsync();
        var reader = factory.CreateClientAs(MeetingTestData.ParticipantFin);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/meetings/{meetings.A.Id}/entries", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/meetings/{meetings.B.Id}/entries", Ct)).StatusCode);

        var response = await reader.GetAsync($"/api/meetings/{meetings.A.Id}/entries/{meetings.EntryOfB.Id}/history", Ct);

        await Problem.ReadAsync(response, HttpStatusCode.NotFound, Ct);
        Assert.DoesNotContain(SecretText, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var own = await reader.GetFromJsonAsync<List<RevisionView>>($"/api/meetings/{meetings.A.Id}/entries/{meetings.EntryOfA.Id}/history", Ct);
        Assert.Equal(["Åpent notat"], own!.Select(r => r.Text));
    }

    private const string SecretText = "Fortrolig fra en-til-en-møtet";

    // Meeting A (a workshop FIN and HOD take part in) and meeting B (a one-to-one with HOD), both live, both run by
    // the same facilitator; B holds a note and an action item.
    private sealed record TwoMeetings(MeetingDetails A, MeetingDetails B, EntryView EntryOfA, EntryView EntryOfB, EntryView ActionOfB);

    private sealed record Caller(HttpClient Client, MeetingDetails A, MeetingDetails B, EntryView EntryOfB, EntryView ActionOfB);

    private async Task<TwoMeetings> TwoMeetingsAsync()
    {
        var a = await MeetingTestData.CreateLiveAsync(factory);
        var hod = await factory.PersonIdAsync(MeetingTestData.ParticipantHod, Ct);
        var b = await MeetingTestData.CreateLiveAsync(factory, r => r with
        {
            Kind = MeetingKind.OneToOne, Title = "En-til-en med HOD", Participants = [new ParticipantRequest(ParticipantKind.Person, hod, null, null, null)],
        });
        var facilitator = factory.CreateClientAs(MeetingTestData.Facilitator);
        var entryOfA = await MeetingTestData.WriteAsync(facilitator, a.Id, "Åpent notat");
        var entryOfB = await MeetingTestData.WriteAsync(facilitator, b.Id, SecretText);
        var action = await facilitator.PostAsJsonAsync(
            $"/api/meetings/{b.Id}/entries", new EntryRequest(EntryKind.ActionItem, "Følg opp HOD", OwnerPersonId: hod, DueDate: new DateOnly(2030, 7, 1)), Ct);
        return new(a, b, entryOfA, entryOfB, await Problem.ReadOkAsync<EntryView>(action, HttpStatusCode.Created, Ct));
    }

    // FIN's contact person reads A (FIN takes part) but not B.
    private async Task<HttpResponseMessage> AsReaderOfAAsync(Func<Caller, Task<HttpResponseMessage>> request)
    {
        var meetings = await TwoMeetingsAsync();
        return await request(new Caller(factory.CreateClientAs(MeetingTestData.ParticipantFin), meetings.A, meetings.B, meetings.EntryOfB, meetings.ActionOfB));
    }

    // The facilitator runs both meetings, so may write in and manage A, the meeting in the path.
    private async Task<HttpResponseMessage> AsFacilitatorAsync(Func<Caller, Task<HttpResponseMessage>> request)
    {
        var meetings = await TwoMeetingsAsync();
        return await request(new Caller(factory.CreateClientAs(MeetingTestData.Facilitator), meetings.A, meetings.B, meetings.EntryOfB, meetings.ActionOfB));
    }

    private async Task<Guid> UploadAsync(Guid meetingId)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Files.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(new StringContent("Lysark"), "title");
        form.Add(file, "file", "lysark.pdf");
        var response = await factory.CreateClientAs(MeetingTestData.Facilitator).PostAsync($"/api/meetings/{meetingId}/materials", form, Ct);
        return (await Problem.ReadOkAsync<Samordning.Meetings.Materials.MaterialView>(response, HttpStatusCode.Created, Ct)).Id;
    }

    private async Task<HttpResponseMessage> FeedbackAttachmentOfAnotherItemAsync()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var first = await RecordWithAttachmentAsync(coordinator);
        var second = await RecordWithAttachmentAsync(coordinator);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Samordning.Feedback.Data.FeedbackDbContext>();
        var attachmentOfSecond = await db.Attachments.Where(a => a.ItemId == second.Id).Select(a => a.Id).SingleAsync(Ct);
        return await coordinator.GetAsync($"/api/feedback/items/{first.Id}/attachments/{attachmentOfSecond}", Ct);
    }

    private static async Task<ItemDetails> RecordWithAttachmentAsync(HttpClient coordinator)
    {
        var item = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record());
        var attached = await PublicForm.PostToAsync(coordinator, $"/api/feedback/items/{item.Id}/attachments", [], ("brev.pdf", Files.Pdf()));
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        return item;
    }

    private async Task<HttpResponseMessage> UnconfirmedOfNoMinistryAsync()
    {
        var api = new WorkstreamsApi(factory);
        var round = await OpenRoundAsync(api);
        var agencyOfFin = await Problem.ReadOkAsync<Samordning.Ministries.Agencies.AgencyDetails>(
            await api.As(People.Administrator).PostAsJsonAsync("/api/ministries/agencies", Builders.Agency((await api.MinistryAsync("FIN")).Id), Ct), HttpStatusCode.Created, Ct);
        return await api.As(People.Observer).GetAsync($"/api/workstreams/rounds/{round}/ministries/{agencyOfFin.Id}/unconfirmed", Ct);
    }

    // A round asks about every running initiative, so no initiative belongs to another round; what the route must not
    // find is an id that is no initiative (here a ministry's), confirmed by FIN's contact person.
    private async Task<HttpResponseMessage> ConfirmNoInitiativeAsync(Func<HttpClient, Guid, Guid, Task<HttpResponseMessage>> request)
    {
        var api = new WorkstreamsApi(factory);
        var round = await OpenRoundAsync(api);
        return await request(api.As(People.ContactPersonFin), round, (await api.MinistryAsync("FIN")).Id);
    }

    private static async Task<Guid> OpenRoundAsync(WorkstreamsApi api) =>
        (await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest($"Runde {Guid.NewGuid():N}", null, DateTimeOffset.UtcNow.AddDays(14))),
            HttpStatusCode.Created)).Id;

    private async Task<HttpResponseMessage> ReadSomeoneElsesNotificationAsync()
    {
        var fin = await factory.PersonIdAsync(People.ContactPersonFin, Ct);
        var key = $"test.route:{Guid.NewGuid():N}";
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<INotificationSender>().NotifyAsync(new PersonNotification(key, fin, new("Til Per", "For Per"), "/varsler"), Ct);
        var id = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Notifications.Where(n => n.Key == key).Select(n => n.Id).SingleAsync(Ct);
        return await factory.CreateClientAs(People.ContactPersonHod).PostAsync($"/api/notifications/{id}/read", null, Ct);
    }

    // A form post as the browser sends it: the anti-forgery token from a page the person may open (the token is
    // the person's, not the page's), the cookie kept by the client.
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(tokenPage, Ct);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No anti-forgery token on {tokenPage}.");
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
