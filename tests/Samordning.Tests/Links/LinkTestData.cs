using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordning.Feedback.Register;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Links;

// What the link tests arrange: an initiative of a ministry, a meeting linked to it, entries and input.
internal sealed class LinkTestData(SamordningFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public WorkstreamsApi Workstreams { get; } = new(factory);

    public async Task<InitiativeDetails> InitiativeAsync(string ministryCode, IReadOnlyList<Guid>? workstreamIds = null)
    {
        var ministry = await Workstreams.MinistryAsync(ministryCode);
        return await Workstreams.CreateInitiativeAsync(Builders.Initiative(ministry.Id) with { WorkstreamIds = workstreamIds ?? [] });
    }

    // A live meeting of KMD, not published, whose only participant is FIN's contact person: HOD cannot read it.
    public async Task<MeetingDetails> LiveMeetingAsync(string title, IReadOnlyList<Guid>? initiativeIds = null, IReadOnlyList<Guid>? workstreamIds = null)
    {
        var fin = await factory.PersonIdAsync(People.ContactPersonFin, Ct);
        return await MeetingTestData.CreateLiveAsync(factory, r => r with
        {
            Title = title,
            Participants = [new ParticipantRequest(ParticipantKind.Person, fin, null, null, null)],
            WorkstreamIds = workstreamIds ?? [],
            InitiativeIds = initiativeIds ?? [],
        });
    }

    public async Task<EntryView> EntryAsync(Guid meetingId, EntryRequest request)
    {
        var response = await factory.CreateClientAs(MeetingTestData.Facilitator).PostAsJsonAsync($"/api/meetings/{meetingId}/entries", request, Ct);
        return await Problem.ReadOkAsync<EntryView>(response, HttpStatusCode.Created, Ct);
    }

    public async Task<EntryView> ActionItemAsync(Guid meetingId, string text, Guid? initiativeId = null, Guid? workstreamId = null) =>
        await EntryAsync(meetingId, new EntryRequest(
            EntryKind.ActionItem, text, OwnerPersonId: await factory.PersonIdAsync(People.ContactPersonFin, Ct), DueDate: new DateOnly(2030, 1, 31),
            InitiativeId: initiativeId, WorkstreamId: workstreamId));

    public async Task<ItemDetails> InputAsync(string email, string organisation, IReadOnlyList<Guid>? initiativeIds = null, IReadOnlyList<Guid>? workstreamIds = null) =>
        await RegisterApi.RecordAsync(
            factory.CreateClientAs(email),
            RegisterApi.Record() with { OrganisationName = organisation, InitiativeIds = initiativeIds, WorkstreamIds = workstreamIds ?? [] });

    public async Task<string> PageAsync(string email, string url)
    {
        var response = await factory.CreateClientAs(email).GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return WebUtility.HtmlDecode(body);
    }

    // The part of a page inside one section (data-testid), so "listed" means listed there.
    public static string Section(string page, string testId, string endTag = "</section>")
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {testId}.");
        var end = page.IndexOf(endTag, start, StringComparison.Ordinal);
        return page[start..end];
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
