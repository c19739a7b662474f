using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// The day's requests as a person sends them: with that person's credentials (WholeDayTarget), reading the whole
// answer, failing on any status but the one the operation expects.
internal sealed class WholeDayRequests(HttpClient client, WholeDayTarget target)
{
    public async Task GetAsync(WholeDayPerson person, string path, CancellationToken cancellationToken)
    {
        using var request = Signed(person, HttpMethod.Get, path, null);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK, request, cancellationToken);
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    public async Task<JsonNode> PostJsonAsync(WholeDayPerson person, string path, object? body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = Signed(person, HttpMethod.Post, path, body is null ? "{}" : JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
        using var response = await client.SendAsync(request, cancellationToken);
        await ExpectAsync(response, expected, request, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? throw new HttpRequestException($"POST {path} returned no JSON.");
    }

    private HttpRequestMessage Signed(WholeDayPerson person, HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in target.Credentials(person))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
        }
    }
}
