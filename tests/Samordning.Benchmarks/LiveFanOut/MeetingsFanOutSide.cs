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
    public static async Task<FanOutSide> CreateAsync(IServiceProvider services, IReadOnlyList<Uri> nodes, HttpClient client, CancellationToken cancellationToken)
    {
        var meetingId = await MeetingEntryWriteScenario.LiveMeetingAsync(services.GetRequiredService<BenchDatabase>(), cancellationToken);
        var path = $"/api/meetings/{meetingId}/entries";
        var hubs = nodes.Select(node => new Uri(node, "/hubs/live")).ToList();
        return new FanOutSide(
            $"GET {string.Join(" and ", hubs)} as the seeded coordinator (authorized join of 'meeting:{{id}}'), published by the facilitator through POST {client.BaseAddress}{path.Replace(meetingId.ToString(), "{id}", StringComparison.Ordinal).TrimStart('/')}",
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
                var body = new JsonObject { ["kind"] = "Note", ["text"] = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web) };
                using var request = MeetingEntryWriteScenario.Request(path, body: body.ToJsonString());
                using var response = await client.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                return payload.Index;
            })
        {
            ReadPayload = item => JsonNode.Parse(item)?["text"]?.GetValue<string>() is { } text
                ? JsonSerializer.Deserialize<FanOutPayload>(text, JsonSerializerOptions.Web)
                : null,
        };
    }
}
