using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Samordning.Feedback.Data;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Materials;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Initiatives;
using FeedbackRound = Samordning.Feedback.Rounds.OpenRoundRequest;
using ReportingRound = Samordning.Workstreams.Rounds.OpenRoundRequest;

namespace Samordning.Tests.Shared.Text;

// Arbitrary text (every control character, lone surrogates, line and paragraph separators, emoji) in every text field
// of every create and update endpoint and of the public input form; afterwards every page, export and document of
// the record answers 200 or a 4xx, never 500. A modest number of samples per endpoint keeps the run short.
public sealed class AnyTextTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private const int SamplesPerEndpoint = 5;

    // Enums as numbers, so that only text travels as JSON strings (which the samples then replace).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Gen<Mutation[]> Mutations = Gen.Select(Gen.Int[0, 4_999], Gen.OneOf(PlainTextTests.PastedText, PlainTextTests.AnyText), (n, noise) => new Mutation(n % 5, noise, n / 5)).Array[12];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnyText_EveryCreateAndUpdateEndpoint_PagesExportsAndDocumentsNever500()
    {
        foreach (var endpoint in await EndpointsAsync())
        {
            await Mutations.SampleAsync(
                async mutations =>
                {
                    var (url, body) = await endpoint.Request();
                    var client = fixture.Factory.CreateClientAs(endpoint.Writer);
                    using var content = new StringContent(JsonWithMutations(JsonSerializer.SerializeToNode(body, body.GetType(), Json), mutations), Encoding.UTF8, "application/json");
                    using var response = await client.SendAsync(new HttpRequestMessage(endpoint.Method, url) { Content = content }, Ct);
                    await AssertNoServerErrorAsync(response, $"{endpoint.Method} {url}");
                    if (response.IsSuccessStatusCode)
                    {
                        await AssertReadableAsync(endpoint.Reader, endpoint.Reads(await IdOfAsync(response)));
                    }
                },
                iter: SamplesPerEndpoint,
                threads: 1,
                print: mutations => string.Join(" | ", mutations.Select(m => m.ToString())));
        }
    }

    [Fact]
    public async Task AnyText_PublicInputForm_PagesAndExportsNever500()
    {
        var round = await fixture.OpenRoundAsync();
        var anonymous = fixture.Factory.CreateClientAs(null);
        string[] textFields = ["Input.OrganisationName", "Input.OrganisationNumber", "Input.ContributorName", "Input.ContributorEmail", "Input.Text"];

        await Mutations.SampleAsync(
            async mutations =>
            {
                var (antiforgery, token) = await PublicForm.OpenAsync(anonymous, round.Id);
                var fields = PublicForm.Valid(antiforgery, token);
                for (var i = 0; i < textFields.Length; i++)
                {
                    fields[textFields[i]] = mutations[i].Apply(fields[textFields[i]]);
                }

                using var response = await PublicForm.PostAsync(anonymous, round.Id, fields);
                await AssertNoServerErrorAsync(response, $"POST /innspill/{round.Id}");
                var reads = new List<string> { "/innspillsregister", "/api/feedback/items/export.xlsx", "/api/feedback/items/export.csv" };
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } receipt)
                {
                    reads.Add(receipt);
                }

                await AssertReadableAsync(People.Coordinator, reads);
            },
            iter: SamplesPerEndpoint,
            threads: 1,
            print: mutations => string.Join(" | ", mutations.Select(m => m.ToString())));
    }

    [Fact]
    public async Task StoredText_ControlsInJsonAndFormPosts_Normalized()
    {
        var meeting = await MeetingTestData.CreateLiveAsync(fixture.Factory);
        var note = await MeetingTestData.WriteAsync(fixture.Factory.CreateClientAs(MeetingTestData.Facilitator), meeting.Id, "Linje 1\u000BLinje 2\u0001\r\nslutt 😀");

        var round = await fixture.OpenRoundAsync();
        var anonymous = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(anonymous, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);
        fields["Input.Text"] = "Innspill\u000Bfra Word\u0007";
        fields["Input.OrganisationName"] = "Leverandør\u0000 AS";
        var reference = PublicForm.Reference(await PublicForm.PostAsync(anonymous, round.Id, fields));
        var item = await fixture.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Reference == reference, Ct));

        Assert.Equal("Linje 1\nLinje 2\nslutt 😀", note.Text);
        Assert.Equal("Innspill\nfra Word", item.Text);
        Assert.Equal("Leverandør AS", item.OrganisationName);
    }

    // Every endpoint that stores text, the base records the updates change, and what shows each record afterwards.
    private async Task<List<TextEndpoint>> EndpointsAsync()
    {
        var api = new WorkstreamsApi(fixture.Factory);
        var admin = fixture.Factory.CreateClientAs(People.Administrator);
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var facilitator = fixture.Factory.CreateClientAs(MeetingTestData.Facilitator);
        var fin = await api.MinistryAsync("FIN");
        var ministry = await CreatedIdAsync(admin, "/api/ministries", Builders.Ministry());
        var agency = await CreatedIdAsync(admin, "/api/ministries/agencies", Builders.Agency(fin.Id));
        var person = await CreatedIdAsync(admin, "/api/ministries/people", Builders.Person());
        var workstream = await api.CreateWorkstreamAsync();
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { WorkstreamIds = [workstream.Id] });
        var meetingRequest = await MeetingTestData.RequestAsync(fixture.Factory);
        var meeting = await MeetingTestData.CreateLiveAsync(fixture.Factory);
        var entry = await MeetingTestData.WriteAsync(facilitator, meeting.Id, "Et notat.");
        var item = await RegisterApi.RecordAsync(coordinator, RegisterApi.Record() with { WorkstreamIds = [workstream.Id] });

        string[] Ministry(Guid id) => [$"/departementer/{id}", $"/departementer/{id}/endre", "/departementer", $"/api/ministries/{id}"];
        string[] Initiative(Guid id) =>
            [$"/arbeidsstrommer/tiltak/{id}", $"/arbeidsstrommer/tiltak/{id}/endre", "/arbeidsstrommer/tiltak", "/arbeidsstrommer", "/api/workstreams/initiatives/export.xlsx", "/api/workstreams/initiatives/export.csv"];
        string[] Meeting(Guid id) =>
            [$"/moter/{id}", $"/moter/{id}/referat", $"/moter/{id}/materiell", "/moter", $"/api/meetings/{id}/minutes.docx", $"/api/meetings/{id}/invitation.ics", "/api/meetings/calendar.ics"];
        string[] Item(Guid id) =>
            [$"/innspillsregister/{id}", "/innspillsregister", "/api/feedback/items/export.xlsx", "/api/feedback/items/export.csv", $"/api/feedback/workstreams/{workstream.Id}/input.docx"];

        return
        [
            new("POST", People.Administrator, () => Body("/api/ministries", Builders.Ministry()), People.Administrator, id => Ministry(id!.Value)),
            new("PUT", People.Administrator, async () => Pair($"/api/ministries/{ministry}", await WithVersionAsync(admin, $"/api/ministries/{ministry}", v => Builders.Ministry() with { Version = v })), People.Administrator, _ => Ministry(ministry)),
            new("POST", People.Administrator, () => Body("/api/ministries/agencies", Builders.Agency(fin.Id)), People.Administrator, id => [$"/departementer/virksomheter/{id}/endre", "/departementer/virksomheter", $"/departementer/{fin.Id}"]),
            new("PUT", People.Administrator, async () => Pair($"/api/ministries/agencies/{agency}", await WithVersionAsync(admin, $"/api/ministries/agencies/{agency}", v => Builders.Agency(fin.Id) with { Version = v })), People.Administrator, _ => [$"/departementer/virksomheter/{agency}/endre", "/departementer/virksomheter"]),
            new("POST", People.Administrator, () => Body("/api/ministries/people", Builders.Person()), People.Administrator, id => [$"/departementer/personer/{id}/endre", "/departementer/personer"]),
            new("PUT", People.Administrator, async () => Pair($"/api/ministries/people/{person}", await WithVersionAsync(admin, $"/api/ministries/people/{person}", v => Builders.Person() with { Version = v })), People.Administrator, _ => [$"/departementer/personer/{person}/endre", "/departementer/personer"]),
            new("POST", People.Coordinator, () => Body("/api/workstreams", Builders.Workstream()), People.Coordinator, id => [$"/arbeidsstrommer/{id}/endre", "/arbeidsstrommer/liste", "/arbeidsstrommer", $"/api/feedback/workstreams/{id}/input.docx"]),
            new("PUT", People.Coordinator, async () => Pair($"/api/workstreams/{workstream.Id}", await WithVersionAsync(coordinator, $"/api/workstreams/{workstream.Id}", v => Builders.Workstream() with { Version = v })), People.Coordinator, _ => [$"/arbeidsstrommer/{workstream.Id}/endre", "/arbeidsstrommer/liste", $"/api/feedback/workstreams/{workstream.Id}/input.docx"]),
            new("POST", People.Coordinator, () => Body("/api/workstreams/initiatives", InitiativeWithText(Builders.Initiative(fin.Id), workstream.Id)), People.Coordinator, id => Initiative(id!.Value)),
            new("PUT", People.Coordinator, async () => Pair($"/api/workstreams/initiatives/{initiative.Id}", await WithVersionAsync(coordinator, $"/api/workstreams/initiatives/{initiative.Id}", v => InitiativeWithText(Builders.Initiative(fin.Id), workstream.Id) with { Version = v })), People.Coordinator, _ => Initiative(initiative.Id)),
            new("POST", People.Coordinator, async () => Pair($"/api/workstreams/initiatives/{initiative.Id}/progress", await WithVersionAsync(coordinator, $"/api/workstreams/initiatives/{initiative.Id}", v => Builders.Progress(v) with { StatusReason = "Forsinket leveranse." })), People.Coordinator, _ => Initiative(initiative.Id)),
            new("POST", People.Coordinator, () => Body("/api/workstreams/rounds", new ReportingRound("Rapportering", "Beskrivelse av runden.", fixture.Clock.UtcNow.AddDays(10))), People.Coordinator, id => [$"/arbeidsstrommer/runder/{id}", "/arbeidsstrommer/runder"]),
            new("POST", People.Coordinator, () => Body("/api/meetings", meetingRequest), People.Coordinator, id => Meeting(id!.Value)),
            new("PUT", People.Coordinator, async () => Pair($"/api/meetings/{meeting.Id}", await WithVersionAsync(coordinator, $"/api/meetings/{meeting.Id}", v => meetingRequest with { Version = v })), People.Coordinator, _ => Meeting(meeting.Id)),
            new("POST", MeetingTestData.Facilitator, () => Body($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.Feedback, "Et innspill i møtet.", OrganisationName: "Forskning AS", OrganisationNumber: FakeOrganisationNumbers.Valid)), MeetingTestData.Facilitator, id => [.. Meeting(meeting.Id), $"/moter/{meeting.Id}/notater/{id}"]),
            new("POST", MeetingTestData.Facilitator, async () => Pair($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.ActionItem, "Følg opp.", OwnerPersonId: await fixture.Factory.PersonIdAsync(People.ContactPersonFin, Ct), DueDate: new DateOnly(2030, 7, 1))), MeetingTestData.Facilitator, _ => [.. Meeting(meeting.Id), "/moter/oppfolging"]),
            new("PUT", MeetingTestData.Facilitator, async () => Pair($"/api/meetings/{meeting.Id}/entries/{entry.Id}", new EntryRequest(EntryKind.Decision, "Vedtatt.", Version: await VersionAsync(facilitator, $"/api/meetings/{meeting.Id}/entries", entry.Id))), MeetingTestData.Facilitator, _ => [.. Meeting(meeting.Id), $"/moter/{meeting.Id}/notater/{entry.Id}"]),
            new("POST", People.Coordinator, () => Body($"/api/meetings/{meeting.Id}/recordings", new RecordingRequest("Opptak", "https://video.example.no/opptak")), People.Coordinator, _ => Meeting(meeting.Id)),
            new("POST", People.Coordinator, () => Body("/api/feedback/rounds", new FeedbackRound("Innspillsrunde", "Beskrivelse.", [Audience.Everyone], ["Hva trenger dere?"], fixture.Clock.UtcNow, fixture.Clock.UtcNow.AddDays(10), true, 12)), People.Coordinator, id => [$"/innspill/{id}", "/innspill", "/innspillsregister/runder"]),
            new("POST", People.Coordinator, () => Body("/api/feedback/items", RegisterApi.Record(email: "kilde@example.no") with { WorkstreamIds = [workstream.Id], OrganisationNumber = FakeOrganisationNumbers.Valid }), People.Coordinator, id => Item(id!.Value)),
            new("PUT", People.Coordinator, async () => Pair($"/api/feedback/items/{item.Id}/assessment", await WithVersionAsync(coordinator, $"/api/feedback/items/{item.Id}", v => RegisterApi.Assess(item) with { Version = v, Exempt = true, ExemptionBasis = "Offentleglova § 14" })), People.Coordinator, _ => Item(item.Id)),
        ];
    }

    private static InitiativeRequest InitiativeWithText(InitiativeRequest request, Guid workstreamId) => request with
    {
        StatusReason = "Avhenger av budsjett.",
        WorkstreamIds = [workstreamId],
        Tags = ["digitalisering", "samarbeid"],
        Links = [new LinkRequest("https://www.regjeringen.no/", "Regjeringen")],
        ExpectedResults = "Bedre tjenester.",
        AchievedResults = "Et forprosjekt.",
    };

    private static Task<(string Url, object Body)> Body(string url, object body) => Task.FromResult(Pair(url, body));

    private static (string Url, object Body) Pair(string url, object body) => (url, body);

    private static async Task<object> WithVersionAsync<T>(HttpClient client, string url, Func<long, T> request)
        where T : notnull
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url, Ct));
        return request(json.RootElement.GetProperty("version").GetInt64());
    }

    private static async Task<long> VersionAsync(HttpClient client, string listUrl, Guid id)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(listUrl, Ct));
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("items");
        return items.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id).GetProperty("version").GetInt64();
    }

    private static async Task<Guid> CreatedIdAsync<T>(HttpClient client, string url, T body)
    {
        using var response = await client.PostAsJsonAsync(url, body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await IdOfAsync(response))!.Value;
    }

    private static async Task<Guid?> IdOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var guid) ? guid : null;
    }

    private async Task AssertReadableAsync(string reader, IEnumerable<string> urls)
    {
        var client = fixture.Factory.CreateClientAs(reader);
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url, Ct);
            await AssertNoServerErrorAsync(response, "GET " + url);
        }
    }

    private static async Task AssertNoServerErrorAsync(HttpResponseMessage response, string request)
    {
        if ((int)response.StatusCode >= 500)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Fail($"{request} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }
    }

    // The body as JSON text with each text value changed by the next mutation. Every character outside printable
    // ASCII is written as a \u escape, so a lone surrogate reaches the server as the client sent it.
    private static string JsonWithMutations(JsonNode? node, Mutation[] mutations)
    {
        var json = new StringBuilder();
        var next = 0;
        Write(json, node, mutations, ref next);
        return json.ToString();
    }

    private static void Write(StringBuilder json, JsonNode? node, Mutation[] mutations, ref int next)
    {
        switch (node)
        {
            case null:
                json.Append("null");
                break;
            case JsonObject obj:
                json.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    json.Append(first ? "" : ",");
                    first = false;
                    Quote(json, key);
                    json.Append(':');
                    Write(json, value, mutations, ref next);
                }

                json.Append('}');
                break;
            case JsonArray array:
                json.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    json.Append(i == 0 ? "" : ",");
                    Write(json, array[i], mutations, ref next);
                }

                json.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                Quote(json, IsIdentifierOrDate(text) ? text : mutations[next++ % mutations.Length].Apply(text));
                break;
            default:
                json.Append(node.ToJsonString());
                break;
        }
    }

    // Ids, dates and times are not text a person writes; changing them would only test the JSON reader.
    private static bool IsIdentifierOrDate(string text) =>
        Guid.TryParse(text, out _) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _) || DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static void Quote(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                json.Append(c);
            }
            else
            {
                json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        json.Append('"');
    }

    private sealed record TextEndpoint(string Verb, string Writer, Func<Task<(string Url, object Body)>> Request, string Reader, Func<Guid?, IEnumerable<string>> Reads)
    {
        public HttpMethod Method => new(Verb);
    }

    // Keep the valid text (0), put the noise inside it (1–3), or send only the noise (4).
    internal sealed record Mutation(int Mode, string Noise, int Position)
    {
        public string Apply(string text) => Mode switch
        {
            0 => text,
            4 => Noise,
            _ => text.Insert(Position % (text.Length + 1), Noise),
        };

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Mode}@{Position}:") + string.Concat(Noise.Select(c => c is >= ' ' and <= '~' ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")));
    }
}
