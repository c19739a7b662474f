using System.Net;
using System.Net.Http.Json;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Milestones;

namespace Samordning.Tests.PublicProcess;

// Milestones through the API as the KMD team makes them.
internal static class ProcessApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static MilestoneRequest Milestone(string? title = null, bool published = true) =>
        new(title ?? $"Milepæl {Guid.NewGuid():N}", "Milestone in English", new DateOnly(2026, 5, 25), "Oppstart med alle departementer.", "Kick-off with all ministries.", published);

    public static async Task<MilestoneDetails> CreateAsync(SamordningFactory factory, MilestoneRequest request)
    {
        var response = await factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/workstreams/milestones", request, Ct);
        return await Problem.ReadOkAsync<MilestoneDetails>(response, HttpStatusCode.Created, Ct);
    }
}
