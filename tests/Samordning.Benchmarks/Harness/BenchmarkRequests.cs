using System.Net;
using System.Text.Json.Nodes;
using Samordning.Benchmarks.Hosting;

namespace Samordning.Benchmarks.Harness;

// The requests scenarios send: as the seeded coordinator, either reading the whole body (measured, so the client's
// work is equal on both sides) or parsed as JSON (the one-off comparison before measuring).
internal static class BenchmarkRequests
{
    public static Task GetAsync(HttpClient client, string path, CancellationToken cancellationToken) =>
        GetAsync(client, path, BenchmarkAuthentication.AddCoordinator, cancellationToken);

    // As whoever signIn makes the request come from.
    public static async Task GetAsync(HttpClient client, string path, Action<HttpRequestMessage> signIn, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        signIn(request);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        BenchmarkAuthentication.AddCoordinator(request);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new ScenarioFailedException($"GET {path} answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body) ?? throw new ScenarioFailedException($"GET {path} returned no JSON.");
    }

    // Fails unless the two answers are the same JSON. Arrays whose order the API does not promise (named by
    // property) are compared as sets of rows.
    public static void ExpectSame(string what, JsonNode subject, JsonNode floor, params string[] unorderedArrays)
    {
        foreach (var name in unorderedArrays)
        {
            SortArray(subject, name);
            SortArray(floor, name);
        }

        if (!JsonNode.DeepEquals(subject, floor))
        {
            throw new ScenarioFailedException($"Subject and floor return different {what}: {FirstDifference(subject, floor, "$")}");
        }
    }

    private static void SortArray(JsonNode node, string name)
    {
        if (node[name] is JsonArray array)
        {
            var rows = array.Select(r => r?.DeepClone()).OrderBy(r => r?.ToJsonString(), StringComparer.Ordinal).ToList();
            array.Clear();
            foreach (var row in rows)
            {
                array.Add(row);
            }
        }
    }

    private static string FirstDifference(JsonNode? subject, JsonNode? floor, string path)
    {
        switch (subject, floor)
        {
            case (JsonObject s, JsonObject f):
                foreach (var name in s.Select(p => p.Key).Union(f.Select(p => p.Key)))
                {
                    if (!JsonNode.DeepEquals(s[name], f[name]))
                    {
                        return FirstDifference(s[name], f[name], $"{path}.{name}");
                    }
                }

                break;
            case (JsonArray s, JsonArray f) when s.Count != f.Count:
                return $"{path} has {s.Count} items in the subject, {f.Count} in the floor";
            case (JsonArray s, JsonArray f):
                for (var i = 0; i < s.Count; i++)
                {
                    if (!JsonNode.DeepEquals(s[i], f[i]))
                    {
                        return FirstDifference(s[i], f[i], $"{path}[{i}]");
                    }
                }

                break;
        }

        return $"{path} is {subject?.ToJsonString() ?? "absent"} in the subject, {floor?.ToJsonString() ?? "absent"} in the floor";
    }
}
