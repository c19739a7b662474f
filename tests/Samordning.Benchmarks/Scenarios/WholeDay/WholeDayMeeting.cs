using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Samordning.Benchmarks.LiveFanOut;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// The day's live meeting as a fan-out side: the participants on the meeting's list connected to the product's hub
// with their own credentials (client i is participant i), and the facilitator posting notes through the entries API.
// FanOutRunner measures delivery and checks that every note reaches every client once and in sequence.
internal static class WholeDayMeeting
{
    public static FanOutSide Side(WholeDayCast cast, WholeDayTarget target, HttpClient client)
    {
        var path = $"/api/meetings/{cast.LiveMeeting}/entries";
        var topic = $"meeting:{cast.LiveMeeting}";
        return new FanOutSide(
            $"{cast.Participants.Count} participants on {target.Address}hubs/live ('{topic}'), notes by the facilitator through POST {path}",
            [new Uri(target.Address, "/hubs/live")],
            topic,
            target.Credentials(cast.Participants[0]),
            (connection, joined, ct) => connection.InvokeAsync<long>("Join", joined, ct),
            async (payload, ct) =>
            {
                var body = new JsonObject { ["kind"] = "Note", ["text"] = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web) }.ToJsonString();
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                foreach (var (name, value) in target.Credentials(cast.Facilitator))
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

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
            ClientHeaders = i => target.Credentials(cast.Participants[i % cast.Participants.Count]),
        };
    }
}
