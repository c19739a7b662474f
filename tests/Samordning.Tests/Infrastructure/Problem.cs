using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samordning.Tests.Infrastructure;

// Reads a ProblemDetails response and checks it is one, so every test that expects an error checks the format too.
internal static class Problem
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<Dictionary<string, string[]>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    public static async Task<T> ReadOkAsync<T>(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }
}
