using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Contracts;

namespace Samordning.Tests.Meetings;

// The demo people the meeting tests act as, and a valid meeting planned through the API.
internal static class MeetingTestData
{
    public const string Facilitator = "sigrid.fasilitator@kmd.example.no";
    public const string ParticipantFin = People.ContactPersonFin;
    public const string ParticipantHod = "ingrid.kontakt@hod.example.no";
    public const string Outsider = "ola.kontakt@kd.example.no";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<MeetingRequest> RequestAsync(SamordningFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IMinistryDirectory>();
        var kmd = (await directory.GetMinistriesAsync(Ct)).Single(m => m.Code == "KMD");
        var workstream = (await scope.ServiceProvider.GetRequiredService<IWorkstreamDirectory>().GetWorkstreamsAsync(Ct))[0];
        var start = new DateTimeOffset(2030, 6, 14, 8, 0, 0, TimeSpan.Zero);
        return new MeetingRequest(
            MeetingKind.Workshop,
            "Verksted om forsøk",
            "Hvordan prøve ut nye løsninger.",
            start,
            start.AddHours(2),
            "Akersgata 59",
            null,
            kmd.Id,
            [await factory.PersonIdAsync(Facilitator, Ct)],
            [
                new ParticipantRequest(ParticipantKind.Person, await factory.PersonIdAsync(ParticipantFin, Ct), null, null, null),
                new ParticipantRequest(ParticipantKind.Person, await factory.PersonIdAsync(ParticipantHod, Ct), null, null, null),
                new ParticipantRequest(ParticipantKind.Organisation, null, null, "Forskning AS", FakeOrganisationNumbers.Valid),
            ],
            [new AgendaRequest(null, "Erfaringer"), new AgendaRequest(null, "Veien videre")],
            [workstream.Id]);
    }

    public static async Task<MeetingDetails> CreateAsync(SamordningFactory factory, Func<MeetingRequest, MeetingRequest>? change = null)
    {
        var request = await RequestAsync(factory);
        var client = factory.CreateClientAs(People.Coordinator);
        var response = await client.PostAsJsonAsync("/api/meetings", change is null ? request : change(request), Ct);
        return await Problem.ReadOkAsync<MeetingDetails>(response, HttpStatusCode.Created, Ct);
    }

    public static async Task<MeetingDetails> CreateLiveAsync(SamordningFactory factory, Func<MeetingRequest, MeetingRequest>? change = null)
    {
        var meeting = await CreateAsync(factory, change);
        return await SetStatusAsync(factory, meeting, MeetingStatus.Live);
    }

    public static async Task<MeetingDetails> SetStatusAsync(SamordningFactory factory, MeetingDetails meeting, MeetingStatus status)
    {
        var response = await factory.CreateClientAs(Facilitator).PostAsJsonAsync($"/api/meetings/{meeting.Id}/status", new StatusRequest(status, null, meeting.Version), Ct);
        return await Problem.ReadOkAsync<MeetingDetails>(response, HttpStatusCode.OK, Ct);
    }

    // The meeting's live topic as a follower catches up on it after the sequence number last seen.
    public static async Task<List<Samordning.Shared.Live.LiveItem>> CatchUpAsync(SamordningFactory factory, string email, Guid meetingId, long after) =>
        await Problem.ReadOkAsync<List<Samordning.Shared.Live.LiveItem>>(
            await factory.CreateClientAs(email).GetAsync($"/api/live?topic=meeting:{meetingId}&after={after}", Ct), HttpStatusCode.OK, Ct);

    public static System.Text.Json.JsonElement Payload(Samordning.Shared.Live.LiveItem item) => System.Text.Json.JsonDocument.Parse(item.Payload).RootElement.Clone();

    public static async Task<EntryView> WriteAsync(HttpClient facilitator, Guid meetingId, string text, EntryKind kind = EntryKind.Note)
    {
        var response = await facilitator.PostAsJsonAsync($"/api/meetings/{meetingId}/entries", new EntryRequest(kind, text), Ct);
        return await Problem.ReadOkAsync<EntryView>(response, HttpStatusCode.Created, Ct);
    }
}
