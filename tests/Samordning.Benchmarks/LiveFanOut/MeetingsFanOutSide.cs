using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Hosting;
using Samordning.Benchmarks.Scenarios.Meetings;

namespace Samordning.Benchmarks.LiveFanOut;

// Issue 4 with the real path: clients join "meeting:{id}" of the seeded live meeting (as the coordinator, who may
// read every meeting; the meeting's topic policy decides), and the publisher is the facilitator posting notes
// through POST /api/meetings/{id}/entries over HTTP (authentication, validation, entry + revision + audit, then the
// live store and the broadcast). The note's text carries the publisher's payload. With several nodes (one database,
// one Redis backplane), the clients are spread over every node's hub and the publisher posts to the first.
internal static class MeetingsFanOutSide
{
    public static async Task<FanOutSide> CreateAsync(IServiceProvider services, IReadOnlyList<Uri> nodes, HttpClient client, CancellationToken cancellationToken) =>
        For([await MeetingEntryWriteScenario.LiveMeetingAsync(services.GetRequiredService<BenchDatabase>(), cancellationToken)], nodes, client);

    // Issue 19: the live meetings given (client i in meetings[i % count], the notes of room r posted to meetings[r]),
    // each client signed in as participants(i) when given rather than as the coordinator.
    public static FanOutSide For(
        IReadOnlyList<Guid> meetings, IReadOnlyList<Uri> nodes, HttpClient client, Func<int, IReadOnlyDictionary<string, string>>? participants = null)
    {
        var meetingId = meetings[0];
        var path = $"/api/meetings/{meetingId}/entries";
        var hubs = nodes.Select(node => new Uri(node, "/hubs/live")).ToList();
        return new FanOutSide(
            $"GET {string.Join(" and ", hubs)} as {(participants is null ? "the seeded coordinator" : "participants of their own (each a registered person on the meeting's list)")} (authorized join of 'meeting:{{id}}'), published by the facilitator through POST {client.BaseAddress}{path.Replace(meetingId.ToString(), "{id}", StringComparison.Ordinal).TrimStart('/')}",
            hubs,
            $"meeting:{meetingId}",
            new Dictionary<string, string>
            {
                [BenchmarkAuthenticationHandler.SubjectHeader] = BenchmarkAuthentication.CoordinatorSubject,
                [BenchmarkAuthenticationHandler.EmailHeader] = BenchmarkAuthentication.CoordinatorEmail,
            },
            (connection, topic, ct) => connection.InvokeAsync<long>("Join", topic, ct),
            async (payload, ct) =>
            {
                var entries = $"/api/meetings/{meetings[payload.Room]}/entries";
                var body = new JsonObject { ["kind"] = "Note", ["text"] = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web) };
                using var request = MeetingEntryWriteScenario.Request(entries, body: body.ToJsonString());
                using var response = await client.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new HttpRequestException($"POST {entries} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                return payload.Index;
            })
        {
            ReadPayload = item => JsonNode.Parse(item)?["text"]?.GetValue<string>() is { } text
                ? JsonSerializer.Deserialize<FanOutPayload>(text, JsonSerializerOptions.Web)
                : null,
            Topics = [.. meetings.Select(m => $"meeting:{m}")],
            ClientHeaders = participants,
        };
    }
}
