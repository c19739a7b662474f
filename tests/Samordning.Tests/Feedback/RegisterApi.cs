using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Workstreams.Contracts;

namespace Samordning.Tests.Feedback;

// The register's API as a test uses it: requests with defaults, answers read with enum names.
internal static class RegisterApi
{
    public static RecordInputRequest Record(Guid? roundId = null, string text = "Innspill fra et møte.", bool consent = true, bool consentName = false, string? email = null) =>
        new(roundId, Channel.Email, "E-post til postmottaket", null, ContributorType.Organisation, "Testorganisasjonen", null, "Ola Innsender", email, text, consent, consentName, [], ["kompetanse"]);

    public static AssessItemRequest Assess(ItemDetails item, FeedbackStatus status = FeedbackStatus.Used, bool published = false, bool exempt = false, string? basis = null, IReadOnlyList<Guid>? workstreams = null) =>
        new(status, "Brukt i kapittel 8.", null, workstreams ?? item.WorkstreamIds, item.Tags, published, exempt, basis, item.Version);

    // The seeded workstreams (the white paper's chapters 4–13), as the Workstreams module answers other modules.
    public static async Task<IReadOnlyList<WorkstreamInfo>> WorkstreamsAsync(FeedbackFixture fixture)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkstreamDirectory>().GetWorkstreamsAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<ItemDetails> RecordAsync(HttpClient client, RecordInputRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/feedback/items", request, FeedbackFixture.Json, TestContext.Current.CancellationToken);
        return await ReadAsync<ItemDetails>(response, HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> AssessAsync(HttpClient client, Guid id, AssessItemRequest request) =>
        await client.PutAsJsonAsync($"/api/feedback/items/{id}/assessment", request, FeedbackFixture.Json, TestContext.Current.CancellationToken);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, FeedbackFixture.Json)!;
    }
}
