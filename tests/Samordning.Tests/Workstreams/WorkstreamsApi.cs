using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Ministries.Contracts;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;
using Samordning.Workstreams.Workstreams;

namespace Samordning.Tests.Workstreams;

// The Workstreams API as the tests call it: JSON with enums as strings (as the host writes them), the seeded
// ministries by code, and the arranging calls most tests start with.
internal sealed class WorkstreamsApi(SamordningFactory factory)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient As(string? email) => factory.CreateClientAs(email);

    // A read of the module's store in a scope of its own, for what the API does not show (flags, indexes, history).
    public async Task<T> WithDbAsync<T>(Func<Samordning.Workstreams.Data.WorkstreamsDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<Samordning.Workstreams.Data.WorkstreamsDbContext>());
    }

    public async Task<MinistryInfo> MinistryAsync(string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var ministries = await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().GetMinistriesAsync(Ct);
        return ministries.Single(m => m.Code == code);
    }

    public async Task<IReadOnlyList<MinistryInfo>> MinistriesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().GetMinistriesAsync(Ct);
    }

    public async Task<InitiativeDetails> CreateInitiativeAsync(InitiativeRequest request, string email = People.Coordinator) =>
        await ReadAsync<InitiativeDetails>(await PostAsync(As(email), "/api/workstreams/initiatives", request), HttpStatusCode.Created);

    public async Task<InitiativeDetails> GetInitiativeAsync(Guid id) =>
        await ReadAsync<InitiativeDetails>(await As(People.Observer).GetAsync($"/api/workstreams/initiatives/{id}", Ct), HttpStatusCode.OK);

    public async Task<WorkstreamDetails> CreateWorkstreamAsync(WorkstreamRequest? request = null) =>
        await ReadAsync<WorkstreamDetails>(await PostAsync(As(People.Coordinator), "/api/workstreams", request ?? Builders.Workstream()), HttpStatusCode.Created);

    public async Task<InitiativePage> ListAsync(string query = "") =>
        await ReadAsync<InitiativePage>(await As(People.Observer).GetAsync("/api/workstreams/initiatives" + query, Ct), HttpStatusCode.OK);

    // Every unconfirmed initiative of a ministry in a round, page by page as the API gives them.
    public static async Task<List<UnconfirmedInitiative>> AllUnconfirmedAsync(HttpClient client, Guid roundId, Guid ministryId)
    {
        var all = new List<UnconfirmedInitiative>();
        for (var page = 1; ; page++)
        {
            var answer = await ReadAsync<UnconfirmedPage>(
                await client.GetAsync($"/api/workstreams/rounds/{roundId}/ministries/{ministryId}/unconfirmed?page={page}&pageSize={UnconfirmedPage.MaxPageSize}", Ct), HttpStatusCode.OK);
            all.AddRange(answer.Items);
            if (page * answer.PageSize >= answer.Total)
            {
                return all;
            }
        }
    }

    public static Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Json, Ct);

    public static Task<HttpResponseMessage> PutAsync<T>(HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body, Json, Ct);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    // The request that would save an initiative as it stands, from the version read.
    public static InitiativeRequest AsRequest(InitiativeDetails i) => new(
        i.Title, i.Summary, i.OwningMinistryId, [.. i.Agencies.Select(a => a.Id)], [.. i.CollaboratingMinistries.Select(m => m.Id)], i.WorkstreamIds,
        i.Phase, i.Progress, i.Status, i.StatusReason, i.StartDate, i.EndDate, i.ContactPersonId, i.Tags, i.Links, i.ExpectedResults, i.AchievedResults,
        Version: i.Version);
}
