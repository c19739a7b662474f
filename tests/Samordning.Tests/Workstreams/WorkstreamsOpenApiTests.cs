using System.Net;
using System.Text.Json;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Workstreams;

// Everything the pages under /arbeidsstrommer do is also in the API, and the OpenAPI document says so.
public sealed class WorkstreamsOpenApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/workstreams", "get")] // workstream list
    [InlineData("/api/workstreams", "post")] // new workstream
    [InlineData("/api/workstreams/{id}", "get")]
    [InlineData("/api/workstreams/{id}", "put")] // edit workstream
    [InlineData("/api/workstreams/initiatives", "get")] // initiative list, search and filters
    [InlineData("/api/workstreams/initiatives", "post")] // new initiative
    [InlineData("/api/workstreams/initiatives/{id}", "get")] // initiative details
    [InlineData("/api/workstreams/initiatives/{id}", "put")] // edit initiative
    [InlineData("/api/workstreams/initiatives/{id}/progress", "get")] // history
    [InlineData("/api/workstreams/initiatives/{id}/progress", "post")] // report progress
    [InlineData("/api/workstreams/initiatives/export.csv", "get")]
    [InlineData("/api/workstreams/initiatives/export.xlsx", "get")]
    [InlineData("/api/workstreams/dashboard", "get")]
    [InlineData("/api/workstreams/rounds", "get")]
    [InlineData("/api/workstreams/rounds", "post")] // open a round
    [InlineData("/api/workstreams/rounds/{id}", "get")]
    [InlineData("/api/workstreams/rounds/{id}/close", "post")]
    [InlineData("/api/workstreams/rounds/{id}/ministries/{ministryId}/unconfirmed", "get")]
    [InlineData("/api/workstreams/rounds/{id}/initiatives/{initiativeId}/confirm", "post")]
    [InlineData("/api/workstreams/rounds/{id}/submit", "post")]
    public async Task OpenApi_PageAction_ListedWithSummary(string path, string method)
    {
        var client = factory.CreateClientAs(People.Observer);

        var response = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document.");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document.");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task OpenApi_InitiativeList_FilterParametersDescribed()
    {
        var client = factory.CreateClientAs(People.Observer);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var parameters = document.RootElement.GetProperty("paths").GetProperty("/api/workstreams/initiatives").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?>(["Q", "MinistryId", "OwnedOnly", "WorkstreamId", "Phase", "Status", "Tag", "CrossSectoral", "Page", "PageSize"], StringComparer.OrdinalIgnoreCase), new HashSet<string?>(parameters, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OpenApi_Dashboard_CompactAnswerDescribed()
    {
        var client = factory.CreateClientAs(People.Observer);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/workstreams/dashboard").GetProperty("get");
        Assert.Contains("by index", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
        var schema = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = Resolve(document, schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["phases", "statuses", "ministries", "workstreams", "totals", "matrix", "crossSectoral", "history", "latestRound"], StringComparer.Ordinal), properties);
        Assert.DoesNotContain("counts", properties);
    }

    private static JsonElement Resolve(JsonDocument document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;
}
