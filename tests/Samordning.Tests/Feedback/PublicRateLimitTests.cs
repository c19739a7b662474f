using System.Net;

namespace Samordning.Tests.Feedback;

public sealed class PublicRateLimitTests
{
    [Fact]
    public async Task Open_MoreThanTheBudgetFromOneAddress_429WithClearMessage()
    {
        await using var fixture = FeedbackFixture.WithPublicLimit(3);
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync($"/innspill/{round.Id}", TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Vent ett minutt", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
