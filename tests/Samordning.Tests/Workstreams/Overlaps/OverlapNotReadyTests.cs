using System.Net;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Tests.Workstreams.Overlaps;

// A node that has not built its overlap index yet (it builds in the background after it starts; here it never does,
// the service being left out): pages answer at once without the suggestions and say they are being computed, and
// the API answers 503 with Retry-After. Had anything waited for the build, these would hang until the time-out.
public sealed class OverlapNotReadyTests
{
    private static readonly TimeSpan NoWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DetailsPageAndKmdPage_IndexNotBuiltYet_AnswerWithoutTheOverlapsAndSaySo()
    {
        await using var factory = WithoutIndexService();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(NoWait);
        var api = new WorkstreamsApi(factory);
        var first = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("HOD")).Id) with { Title = "Digital hjemmeoppfølging av eldre", Tags = ["velferdsteknologi"] });
        await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("KD")).Id) with { Title = "Digital hjemmeoppfølging av eldre pasienter", Tags = ["velferdsteknologi"] });

        var page = await api.As(People.Observer).GetAsync($"/arbeidsstrommer/tiltak/{first.Id}?lagret=true", timeout.Token);
        var html = await page.Content.ReadAsStringAsync(timeout.Token);
        var list = await api.As(People.Coordinator).GetStringAsync("/arbeidsstrommer/overlapp", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-overlaps-pending", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-overlap-suggestions", html, StringComparison.Ordinal);
        Assert.Contains("Listen over mulige overlapp beregnes ennå.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestAndList_IndexNotBuiltYet_ServiceUnavailableWithRetryAfter()
    {
        await using var factory = WithoutIndexService();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(NoWait);
        var api = new WorkstreamsApi(factory);

        var suggest = await api.As(People.ContactPersonHod).GetAsync("/api/workstreams/initiatives/overlaps/suggest?title=Digital+hjemmeoppf%C3%B8lging", timeout.Token);
        var list = await api.As(People.Coordinator).GetAsync("/api/workstreams/overlaps", timeout.Token);

        foreach (var response in new[] { suggest, list })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(OverlapEndpoints.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static SamordningFactory WithoutIndexService() => SamordningFactory.Create(new SamordningFactoryOptions
    {
        ConfigureServices = services =>
        {
            foreach (var service in services.Where(s => s.ImplementationType == typeof(OverlapIndexService)).ToList())
            {
                services.Remove(service);
            }
        },
    });
}
